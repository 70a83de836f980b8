"""Everything that touches SQLite: the only package that imports peewee.

peewee is imported here first, without the PostgreSQL driver it would import too (see `drivers`):
the learner's own database is SQLite, and the driver costs 0.1-0.3 s of every start.
"""

from workbook.store.drivers import import_peewee

import_peewee()
