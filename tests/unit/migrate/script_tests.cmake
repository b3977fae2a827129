# migrate_script_test: owned by the revision-script engineer
