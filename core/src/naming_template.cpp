#include "naming_template.hpp"

#include <fmt/format.h>

#include <cctype>

#include "schemadiff/core/error.hpp"
#include "schemadiff/core/text.hpp"

namespace schemadiff::detail {

namespace {

std::string_view tokens_for(NamedKind kind) {
    switch (kind) {
        case NamedKind::Check:
            return "%(table_name)s";
        case NamedKind::ForeignKey:
            return "%(table_name)s, %(column_0_name)s, %(column_0N_name)s, %(column_0_N_name)s, "
                   "%(referred_table_name)s, %(referred_column_0_name)s";
        default:
            return "%(table_name)s, %(column_0_name)s, %(column_0N_name)s, %(column_0_N_name)s, "
                   "%(column_0_label)s";
    }
}

[[noreturn]] void fail(NamedKind kind, std::string_view what, std::string_view hint) {
    throw Error(ErrorKind::Usage, fmt::format("naming convention {}: {}", kind_key(kind), what),
                std::string(hint));
}

bool consume(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
    return text::join(parts, separator);
}

}  // namespace

std::string_view kind_key(NamedKind kind) {
    switch (kind) {
        case NamedKind::PrimaryKey:
            return "pk";
        case NamedKind::ForeignKey:
            return "fk";
        case NamedKind::Unique:
            return "uq";
        case NamedKind::Index:
            return "ix";
        case NamedKind::Check:
            return "ck";
    }
    return "ix";
}

NamingTemplate::Segment NamingTemplate::parse_token(NamedKind kind, std::string_view token) {
    const std::string shown = fmt::format("%({})s", token);
    const std::string allowed = fmt::format("tokens for {}: {}", kind_key(kind), tokens_for(kind));
    Segment segment;
    std::string_view rest = token;
    if (token == "table_name") {
        segment.source = Source::Table;
        return segment;
    }
    if (token == "constraint_name") {
        fail(kind, fmt::format("{} is not supported", shown),
             "give the constraint its name in the model instead; " + allowed);
    }
    const bool is_referred = consume(rest, "referred_");
    if (is_referred && rest == "table_name") {
        segment.source = Source::ReferredTable;
    } else if (consume(rest, "column_") && !rest.empty() &&
               std::isdigit(static_cast<unsigned char>(rest.front())) != 0) {
        segment.source = is_referred ? Source::ReferredColumn : Source::Column;
        std::size_t digits = 0;
        while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) {
            ++digits;
        }
        const std::string_view number = rest.substr(0, digits);
        rest.remove_prefix(digits);
        if (consume(rest, "_N_")) {
            segment.join = Join::Underscored;
        } else if (consume(rest, "N_")) {
            segment.join = Join::Concatenated;
        } else if (!consume(rest, "_") || number.size() > 6) {
            fail(kind, fmt::format("unknown token {}", shown), allowed);
        }
        if (segment.join != Join::One && number != "0") {
            fail(kind, fmt::format("unknown token {}", shown), "all columns: %(column_0N_name)s");
        }
        segment.position = static_cast<std::size_t>(std::stoul(std::string(number)));
        if (rest == "label" && !is_referred) {
            segment.attribute = Attribute::Label;
        } else if (rest != "name" && (rest != "key" || is_referred)) {
            fail(kind, fmt::format("unknown token {}", shown), allowed);
        }
    } else {
        fail(kind, fmt::format("unknown token {}", shown), allowed);
    }
    const bool is_column = segment.source == Source::Column;
    if (kind == NamedKind::Check && is_column) {
        fail(kind, fmt::format("{} cannot be used for ck", shown),
             "a check has no columns to name it by; " + allowed);
    }
    if (kind != NamedKind::ForeignKey && !is_column) {
        fail(kind, fmt::format("{} can only be used for fk", shown), allowed);
    }
    return segment;
}

NamingTemplate::NamingTemplate(NamedKind kind, std::string_view text) {
    std::string literal;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            literal += text[i];
            continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '%') {
            literal += '%';
            ++i;
            continue;
        }
        const std::size_t close = text.find(")s", i);
        if (i + 1 >= text.size() || text[i + 1] != '(' || close == std::string_view::npos) {
            fail(kind, fmt::format("a \"%\" that opens no %(...)s token in \"{}\"", text),
                 "write %% for a literal percent sign");
        }
        flush_literal(literal);
        segments_.push_back(parse_token(kind, text.substr(i + 2, close - i - 2)));
        i = close + 1;
    }
    flush_literal(literal);
}

void NamingTemplate::flush_literal(std::string& literal) {
    if (literal.empty()) return;
    Segment segment;
    segment.literal = std::move(literal);
    segments_.push_back(std::move(segment));
    literal.clear();
}

bool NamingTemplate::uses_referred_columns() const {
    for (const Segment& segment : segments_) {
        if (segment.source == Source::ReferredColumn) return true;
    }
    return false;
}

std::string NamingTemplate::expand(const NamingInputs& inputs) const {
    std::string out;
    for (const Segment& segment : segments_) {
        if (segment.source == Source::Literal) {
            out += segment.literal;
            continue;
        }
        if (segment.source == Source::Table) {
            out += inputs.table;
            continue;
        }
        if (segment.source == Source::ReferredTable) {
            out += inputs.referred_table;
            continue;
        }
        const bool is_referred = segment.source == Source::ReferredColumn;
        std::vector<std::string> names = is_referred ? inputs.referred_columns : inputs.columns;
        if (segment.attribute == Attribute::Label) {
            for (std::string& name : names) name = inputs.table + "_" + name;
        }
        switch (segment.join) {
            case Join::One:
                if (segment.position < names.size()) out += names[segment.position];
                break;
            case Join::Concatenated:
                out += joined(names, "");
                break;
            case Join::Underscored:
                out += joined(names, "_");
                break;
        }
    }
    return out;
}

}  // namespace schemadiff::detail
