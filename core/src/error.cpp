#include "schemadiff/core/error.hpp"

#include <utility>

namespace schemadiff {

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Usage:
            return "usage";
        case ErrorKind::InvalidModel:
            return "invalid model";
        case ErrorKind::UnsupportedType:
            return "unsupported type";
        case ErrorKind::Connection:
            return "connection";
        case ErrorKind::Introspection:
            return "introspection";
        case ErrorKind::UnsupportedOperation:
            return "unsupported operation";
        case ErrorKind::Execution:
            return "execution";
        case ErrorKind::Io:
            return "i/o";
        case ErrorKind::Revision:
            return "revision";
        case ErrorKind::Internal:
            return "internal";
    }
    return "unknown";
}

namespace {

std::string what_text(const std::string& message, const std::string& context) {
    return context.empty() ? message : message + " (" + context + ")";
}

}  // namespace

Error::Error(ErrorKind kind, std::string message, std::string context, std::string sqlstate)
    : std::runtime_error(what_text(message, context)),
      kind_(kind),
      message_(std::move(message)),
      context_(std::move(context)),
      sqlstate_(std::move(sqlstate)) {}

}  // namespace schemadiff
