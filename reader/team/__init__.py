"""The team library: colleagues share compilations, one theme taxonomy, annotations and search
through a PostgreSQL database, while every laptop keeps its local store as the working copy.

Why PostgreSQL: an existing engine that replicates and scales, with roles (one per member, each
with its own password), row-level security (private annotations are unreadable to other members at
the database level, not only hidden by the app) and pg_trgm (a trigram index that handles CJK).

Modules: ``connection`` (URLs, errors a user understands), ``schema`` (numbered migrations on the
server), ``admin`` (create the team, add members), ``state`` (this library's sync bookkeeping in a
small SQLite file of its own), ``merge`` (three-way field merge), ``sync`` (Zotero-style versioned
push/pull), ``search`` (team page index). Nothing here imports Qt.
"""
