// The model declaration: what makes an aggregate struct a table — ONE declaration beside it,
// no field name written twice, no macro. Either specialise model_of:
//
//   struct Book {
//       std::int64_t id;
//       std::string title;
//       std::optional<std::string> subtitle;
//   };
//   template <>
//   struct schemadiff::reflect::model_of<Book> {
//       static auto describe() {
//           return table<Book>("books").primary_key(&Book::id).autoincrement(&Book::id);
//       }
//   };
//
// or, without opening schemadiff's namespace, define in Book's own namespace a function found
// by argument-dependent lookup:
//
//   inline auto describe_model(schemadiff::reflect::model_tag<Book>) {
//       return schemadiff::reflect::table<Book>("books").primary_key(&Book::id);
//   }
//
// describe() returns the TableBuilder (table_builder.hpp) or a finished Table. table_of<T>()
// runs it; Registry::add<T>() (registry.hpp) collects the tables.
#pragma once

#include <type_traits>

#include "schemadiff/core/schema.hpp"
#include "schemadiff/reflect/table_builder.hpp"
#include "schemadiff/reflect/value_types.hpp"

namespace schemadiff::reflect {

// Specialise for a model struct with `static auto describe()`.
template <class T>
struct model_of;

// The argument of an ADL `describe_model(model_tag<T>)` declaration.
template <class T>
struct model_tag {};

template <class T>
concept HasModelOf = requires {
    model_of<T>::describe();
};

template <class T>
concept HasDescribeModel = requires {
    describe_model(model_tag<T>{});
};

template <class T>
concept Model = HasModelOf<T> || HasDescribeModel<T>;

// The table model T declares. Throws Error(InvalidModel) for an inconsistent declaration.
template <class T>
[[nodiscard]] Table table_of() {
    static_assert(Model<T>,
                  "schemadiff: this struct has no model declaration; specialise "
                  "schemadiff::reflect::model_of<T> with `static auto describe()`, or declare "
                  "`auto describe_model(schemadiff::reflect::model_tag<T>)` beside it "
                  "(docs/model-api.md)");
    auto described = [] {
        if constexpr (HasModelOf<T>) {
            return model_of<T>::describe();
        } else {
            return describe_model(model_tag<T>{});
        }
    }();
    using Described = decltype(described);
    if constexpr (std::is_same_v<Described, Table>) {
        return described;
    } else {
        static_assert(std::is_same_v<Described, TableBuilder<T>>,
                      "schemadiff: a model declaration of T must return table<T>(...) (for the "
                      "same T) or a schemadiff::Table");
        return described.to_table();
    }
}

}  // namespace schemadiff::reflect
