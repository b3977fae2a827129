-- The "app" schema, version 1: what the production database looks like today.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    name TEXT,
    legacy_flag INTEGER DEFAULT 0
);
CREATE UNIQUE INDEX ix_users_email ON users (email);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    title VARCHAR(100) NOT NULL,
    body TEXT
);

INSERT INTO users (id, email, name) VALUES (1, 'ada@example.com', 'Ada'), (2, 'alan@example.com', 'Alan');
INSERT INTO posts (id, user_id, title, body) VALUES (1, 1, 'Notes on the engine', 'First post.');
