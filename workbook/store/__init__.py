"""Everything that touches SQLite: the only package that imports peewee."""
