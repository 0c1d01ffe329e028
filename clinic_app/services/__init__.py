"""Services: one module per capability, the only way the GUI and the CLI change data.

A service is a function ``f(uow, actor, *plain_values) -> frozen dataclass``.  It checks the
acting user's role and that the account is still active (``auth.require``), validates and
raises ``ValidationError`` naming the field, writes the audit entry, and returns frozen
dataclasses, never ORM instances.  It does not commit: the caller's unit of work does.
"""
