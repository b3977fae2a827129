#include "revision_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <stdexcept>

extern char** environ;  // NOLINT: POSIX declares it for the program to define its use

namespace schemadiff::bench {

namespace {

[[noreturn]] void fail(const std::string& what, int error) {
    throw std::runtime_error(what + ": " + std::strerror(error));
}

// Closes a descriptor when it goes out of scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd = -1) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() { reset(); }
    [[nodiscard]] int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

// posix_spawn's attribute and file-action objects, destroyed with the scope.
struct SpawnSetup {
    posix_spawn_file_actions_t actions{};
    SpawnSetup() { posix_spawn_file_actions_init(&actions); }
    SpawnSetup(const SpawnSetup&) = delete;
    SpawnSetup& operator=(const SpawnSetup&) = delete;
    ~SpawnSetup() { posix_spawn_file_actions_destroy(&actions); }
};

}  // namespace

ProcessResult run_timed(const std::vector<std::string>& argv,
                        const std::filesystem::path& stderr_file) {
    std::vector<std::string> args = argv;
    std::vector<char*> pointers;
    pointers.reserve(args.size() + 1);
    for (std::string& arg : args) pointers.push_back(arg.data());
    pointers.push_back(nullptr);

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) fail("pipe", errno);
    FileDescriptor read_end(fds[0]);
    FileDescriptor write_end(fds[1]);

    SpawnSetup setup;
    posix_spawn_file_actions_adddup2(&setup.actions, write_end.get(), STDOUT_FILENO);
    posix_spawn_file_actions_addopen(&setup.actions, STDERR_FILENO, stderr_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);

    ProcessResult result;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int spawned =
        posix_spawn(&pid, pointers[0], &setup.actions, nullptr, pointers.data(), environ);
    if (spawned != 0) fail("cannot run " + argv.front(), spawned);
    write_end.reset();

    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = read(read_end.get(), buffer, sizeof buffer);
        if (got == 0) break;
        if (got < 0) {
            if (errno == EINTR) continue;
            fail("reading the output of " + argv.front(), errno);
        }
        result.out.append(buffer, static_cast<std::size_t>(got));
    }
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) fail("waiting for " + argv.front(), errno);
    }
    const auto stop = std::chrono::steady_clock::now();
    result.wall_ms = std::chrono::duration<double, std::milli>(stop - start).count();
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_usec) / 1000.0;
    };
    result.cpu_ms = ms(usage.ru_utime) + ms(usage.ru_stime);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

TimingSummary summarize(std::vector<double> samples_ms) {
    std::sort(samples_ms.begin(), samples_ms.end());
    const std::size_t n = samples_ms.size();
    TimingSummary summary;
    summary.runs = n;
    summary.min_ms = samples_ms.front();
    summary.max_ms = samples_ms.back();
    summary.median_ms =
        n % 2 == 1 ? samples_ms[n / 2] : (samples_ms[n / 2 - 1] + samples_ms[n / 2]) / 2.0;
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(n)));
    summary.p95_ms = samples_ms[std::max<std::size_t>(rank, 1) - 1];
    return summary;
}

}  // namespace schemadiff::bench
