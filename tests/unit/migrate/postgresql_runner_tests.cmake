# migrate_postgresql_test: the runner on the PostgreSQL server SCHEMADIFF_TEST_POSTGRES_URL names
# — shared transaction with savepoints, failure atomicity, non-transactional scripts, the
# advisory lock across processes (skipped without the server, failed without it under CI=true).
schemadiff_add_test(migrate_postgresql_test
    SOURCES
        ${CMAKE_CURRENT_SOURCE_DIR}/runner_fixture.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/postgresql_runner_test.cpp
        ${CMAKE_CURRENT_SOURCE_DIR}/postgresql_runner_lock_test.cpp
        $<TARGET_OBJECTS:schemadiff_doctest_main>
    LIBS schemadiff::migrate schemadiff::drivers schemadiff::postgresql)
target_include_directories(migrate_postgresql_test PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}
    ${PROJECT_SOURCE_DIR}/tests/unit/postgresql)
