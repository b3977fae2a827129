# migrate_graph_test: the revision graph — validation, shape, identifiers, upgrade and downgrade
# paths with Alembic's version-table semantics, and scale.
schemadiff_add_test(migrate_graph_test
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_validation_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_shape_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_resolve_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_relative_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_paths_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_version_table_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/graph_scale_test.cpp
        $<TARGET_OBJECTS:schemadiff_doctest_main>
    LIBS schemadiff::migrate)
target_include_directories(migrate_graph_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
