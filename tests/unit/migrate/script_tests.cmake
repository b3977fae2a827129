# migrate_script_test: revision script files — format, parser, statement splitter, checksum.
schemadiff_add_test(migrate_script_test
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/script_render_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/script_parse_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/script_split_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/script_split_blocks_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/script_split_sqlite_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/script_naming_test.cpp
        $<TARGET_OBJECTS:schemadiff_doctest_main>
    LIBS schemadiff::migrate)
# Real SQLite is the oracle for the splitter: its own parser must read each statement whole.
target_link_libraries(migrate_script_test PRIVATE SQLite::SQLite3)
