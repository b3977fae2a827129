# migrate_graph_test: owned by the revision-graph engineer
