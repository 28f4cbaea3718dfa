-- What a WordPress import made of each thing it read, by the exported site's address: so running the import again
-- updates what it made instead of making it twice, and WordPress's old addresses (?p=ID, /category/slug/, …) can
-- be answered with the new ones.
CREATE TABLE wordpress_imports (
    source     TEXT   NOT NULL,                  -- the exported site (wp:base_blog_url)
    kind       TEXT   NOT NULL CHECK (kind IN ('post', 'page', 'category', 'tag', 'author', 'comment')),
    wp_key     TEXT   NOT NULL,                  -- the id (posts, pages, comments), the slug (terms), the login (authors)
    wp_id      BIGINT NOT NULL DEFAULT 0,        -- WordPress's numeric id where it has one
    byline_id  BIGINT NOT NULL,
    PRIMARY KEY (source, kind, wp_key)
);
CREATE INDEX wordpress_imports_by_id ON wordpress_imports (kind, wp_id);
