-- The "app" schema, version 2: where development has drifted to.
--   users:    legacy_flag dropped, created_at added
--   posts:    title widened to VARCHAR(200), published_at added, an index on user_id,
--             and deleting a user now deletes their posts (ON DELETE CASCADE)
--   comments: a new table with foreign keys to posts and users
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    name TEXT,
    created_at DATETIME
);
CREATE UNIQUE INDEX ix_users_email ON users (email);

CREATE TABLE posts (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title VARCHAR(200) NOT NULL,
    body TEXT,
    published_at DATETIME
);
CREATE INDEX ix_posts_user_id ON posts (user_id);

CREATE TABLE comments (
    id INTEGER PRIMARY KEY,
    post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    author_id INTEGER REFERENCES users (id),
    body TEXT NOT NULL
);
CREATE INDEX ix_comments_post_id ON comments (post_id);
