# migrate_runner_test: the runner on real SQLite files — version table and history, atomic
# scripts, checksums, stamp, concurrent runs, generated rebuild scripts, offline SQL.
schemadiff_add_test(migrate_runner_test
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_fixture.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_apply_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_failure_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_checksum_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_stamp_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_concurrency_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_rebuild_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_offline_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_commit_test.cpp
        $<TARGET_OBJECTS:schemadiff_doctest_main>
    LIBS schemadiff::migrate schemadiff::drivers schemadiff::diff schemadiff::emit)
target_include_directories(migrate_runner_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
