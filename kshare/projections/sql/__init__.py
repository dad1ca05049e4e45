"""SQL read models (SQLAlchemy Core), in SQLite or PostgreSQL."""
