"""The lesson library: a Whoosh index of published lessons and stories."""
