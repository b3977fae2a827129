// The consumer the package tests build: a model program with two tables, one of them named with
// a reserved word and holding a column whose name has a space, linked against schemadiff the way
// users link it (find_package or add_subdirectory).
#include <cstdint>
#include <optional>
#include <string>

#include "schemadiff/cli/run.hpp"
#include "schemadiff/reflect/model.hpp"
#include "schemadiff/reflect/registry.hpp"

namespace shop {

struct Customer {
    std::int64_t id;
    std::string name;
};

struct Order {
    std::int64_t id;
    std::int64_t customer_id;
    double total;
    std::optional<std::string> note;
};

inline auto describe_model(schemadiff::reflect::model_tag<Customer> /*tag*/) {
    return schemadiff::reflect::table<Customer>("customers").primary_key(&Customer::id);
}

inline auto describe_model(schemadiff::reflect::model_tag<Order> /*tag*/) {
    return schemadiff::reflect::table<Order>("order")
        .primary_key(&Order::id)
        .column_name(&Order::total, "Total Amount")
        .foreign_key({&Order::customer_id}, "customers", {"id"});
}

}  // namespace shop

int main(int argc, char** argv) {
    schemadiff::reflect::Registry models;
    models.add<shop::Customer>().add<shop::Order>();
    return schemadiff::cli::run(argc, argv, models);
}
