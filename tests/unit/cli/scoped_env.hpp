// Test support: an environment variable set (or unset) for the life of an object, so that the
// `schemadiff` processes run_cli starts inherit it; the old value is put back at the end.
#pragma once

#include <cstdlib>
#include <optional>
#include <string>

namespace schemadiff::cli::testing {

class ScopedEnv {
public:
    // `value` nullopt unsets the variable.
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) {
            ::setenv(name, value->c_str(), 1);
        } else {
            ::unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (old_) {
            ::setenv(name_.c_str(), old_->c_str(), 1);
        } else {
            ::unsetenv(name_.c_str());
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    std::string name_;
    std::optional<std::string> old_;
};

}  // namespace schemadiff::cli::testing
