"""clinical records

Revision ID: 0002_clinical_records
Revises: 0001_foundation
Create Date: 2026-11-24 10:32:00.946496
"""

from alembic import op
import sqlalchemy as sa
import clinic_app.db.types


revision = '0002_clinical_records'
down_revision = '0001_foundation'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('client_code_sequence',
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_client_code_sequence'))
    )
    op.create_table('clients',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('given_names', sa.String(length=200), nullable=False),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('sex', sa.String(length=32), nullable=False),
    sa.Column('gender_identity', sa.String(length=32), nullable=False),
    sa.Column('nationality', sa.String(length=32), nullable=False),
    sa.Column('phone', sa.String(length=100), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('preferred_language', sa.String(length=8), nullable=False),
    sa.Column('counsellor_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('sort_name', sa.String(length=400), nullable=False),
    sa.Column('created_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['counsellor_id'], ['users.id'], name=op.f('fk_clients_counsellor_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clients')),
    sa.UniqueConstraint('code', name=op.f('uq_clients_code'))
    )
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.create_index('ix_clients_counsellor_id', ['counsellor_id'], unique=False)
        batch_op.create_index('ix_clients_sort_name', ['sort_name'], unique=False)
        batch_op.create_index('ix_clients_status_sort_name', ['status', 'sort_name'], unique=False)

    op.create_table('client_search_terms',
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_client_search_terms_client_id_clients')),
    sa.PrimaryKeyConstraint('client_id', 'term', name=op.f('pk_client_search_terms'))
    )
    with op.batch_alter_table('client_search_terms', schema=None) as batch_op:
        batch_op.create_index('ix_client_search_terms_term', ['term', 'client_id'], unique=False)

    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_consents_client_id_clients')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_consents_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index('ix_consents_client_id', ['client_id', 'kind'], unique=False)

    op.create_table('episodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('admission_date', sa.Date(), nullable=False),
    sa.Column('programme', sa.String(length=32), nullable=False),
    sa.Column('centre_type', sa.String(length=32), nullable=False),
    sa.Column('referral_source', sa.String(length=32), nullable=False),
    sa.Column('previously_treated', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('discharge_date', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_episodes_client_id_clients')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_episodes_created_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_episodes'))
    )
    with op.batch_alter_table('episodes', schema=None) as batch_op:
        batch_op.create_index('ix_episodes_admission_date', ['admission_date'], unique=False)
        batch_op.create_index('ix_episodes_client_id', ['client_id'], unique=False)
        batch_op.create_index('ix_episodes_status', ['status'], unique=False)

    op.create_table('family_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('relationship', sa.String(length=32), nullable=False),
    sa.Column('first_name', sa.String(length=200), nullable=False),
    sa.Column('is_child', sa.Boolean(), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('lives_with_client', sa.Boolean(), nullable=False),
    sa.Column('carer', sa.String(length=32), nullable=False),
    sa.Column('school', sa.String(length=200), nullable=False),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('safeguarding_concern', sa.Boolean(), nullable=False),
    sa.Column('referral_made', sa.Text(), nullable=False),
    sa.Column('created_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_family_members_client_id_clients')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_members'))
    )
    with op.batch_alter_table('family_members', schema=None) as batch_op:
        batch_op.create_index('ix_family_members_client_id', ['client_id'], unique=False)

    op.create_table('barc10',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=True),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('context', sa.String(length=16), nullable=False),
    sa.Column('scores', clinic_app.db.types.JSONText(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_barc10_client_id_clients')),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_barc10_episode_id_episodes')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_barc10_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_barc10'))
    )
    with op.batch_alter_table('barc10', schema=None) as batch_op:
        batch_op.create_index('ix_barc10_client_id', ['client_id', 'assessed_on'], unique=False)

    op.create_table('care_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('review_date', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=False),
    sa.Column('created_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.Column('activated_by', sa.Integer(), nullable=True),
    sa.Column('activated_at', clinic_app.db.types.UTCDateTime(), nullable=True),
    sa.Column('superseded_at', clinic_app.db.types.UTCDateTime(), nullable=True),
    sa.Column('client_signed_on', sa.Date(), nullable=True),
    sa.Column('counsellor_signed_by', sa.Integer(), nullable=True),
    sa.Column('counsellor_signed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['activated_by'], ['users.id'], name=op.f('fk_care_plans_activated_by_users')),
    sa.ForeignKeyConstraint(['counsellor_signed_by'], ['users.id'], name=op.f('fk_care_plans_counsellor_signed_by_users')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_care_plans_created_by_users')),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_care_plans_episode_id_episodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plans')),
    sa.UniqueConstraint('episode_id', 'version', name='uq_care_plans_episode_version')
    )
    with op.batch_alter_table('care_plans', schema=None) as batch_op:
        batch_op.create_index('ix_care_plans_status_review_date', ['status', 'review_date'], unique=False)

    op.create_table('discharge_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('actual_date', sa.Date(), nullable=True),
    sa.Column('reason', sa.String(length=32), nullable=True),
    sa.Column('aftercare', sa.Text(), nullable=False),
    sa.Column('relapse_prevention', sa.Text(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=False),
    sa.Column('updated_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_discharge_plans_episode_id_episodes')),
    sa.ForeignKeyConstraint(['updated_by'], ['users.id'], name=op.f('fk_discharge_plans_updated_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_discharge_plans')),
    sa.UniqueConstraint('episode_id', name=op.f('uq_discharge_plans_episode_id'))
    )
    op.create_table('family_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('family_member_id', sa.Integer(), nullable=True),
    sa.Column('note_date', sa.Date(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sensitive', sa.Boolean(), nullable=False),
    sa.Column('created_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_family_notes_author_id_users')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_family_notes_client_id_clients')),
    sa.ForeignKeyConstraint(['family_member_id'], ['family_members.id'], name=op.f('fk_family_notes_family_member_id_family_members')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_notes'))
    )
    with op.batch_alter_table('family_notes', schema=None) as batch_op:
        batch_op.create_index('ix_family_notes_client_id', ['client_id'], unique=False)

    op.create_table('intake_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('assessed_on', sa.Date(), nullable=False),
    sa.Column('living_with', sa.String(length=32), nullable=False),
    sa.Column('living_with_children', sa.String(length=32), nullable=False),
    sa.Column('has_children', sa.String(length=32), nullable=False),
    sa.Column('number_of_children', sa.Integer(), nullable=True),
    sa.Column('housing', sa.String(length=32), nullable=False),
    sa.Column('labour_status', sa.String(length=32), nullable=False),
    sa.Column('education', sa.String(length=32), nullable=False),
    sa.Column('injecting', sa.String(length=32), nullable=False),
    sa.Column('opioid_substitution', sa.String(length=32), nullable=False),
    sa.Column('tested_hiv', sa.String(length=32), nullable=False),
    sa.Column('tested_hcv', sa.String(length=32), nullable=False),
    sa.Column('tested_hbv', sa.String(length=32), nullable=False),
    sa.Column('legal_situation', sa.Text(), nullable=False),
    sa.Column('physical_health', sa.Text(), nullable=False),
    sa.Column('mental_health', sa.Text(), nullable=False),
    sa.Column('risks', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_intake_assessments_episode_id_episodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_assessments')),
    sa.UniqueConstraint('episode_id', name=op.f('uq_intake_assessments_episode_id'))
    )
    op.create_table('progress_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=True),
    sa.Column('note_date', sa.Date(), nullable=False),
    sa.Column('note_type', sa.String(length=16), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('signed_at', clinic_app.db.types.UTCDateTime(), nullable=True),
    sa.Column('amends_id', sa.Integer(), nullable=True),
    sa.Column('created_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', clinic_app.db.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['amends_id'], ['progress_notes.id'], name=op.f('fk_progress_notes_amends_id_progress_notes')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_progress_notes_author_id_users')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_progress_notes_client_id_clients')),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_progress_notes_episode_id_episodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_progress_notes'))
    )
    with op.batch_alter_table('progress_notes', schema=None) as batch_op:
        batch_op.create_index('ix_progress_notes_author_status', ['author_id', 'status'], unique=False)
        batch_op.create_index('ix_progress_notes_client_id', ['client_id', 'note_date'], unique=False)

    op.create_table('care_plan_goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('domain', sa.String(length=32), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('actions', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('target_date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['care_plans.id'], name=op.f('fk_care_plan_goals_plan_id_care_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_care_plan_goals'))
    )
    with op.batch_alter_table('care_plan_goals', schema=None) as batch_op:
        batch_op.create_index('ix_care_plan_goals_plan_id', ['plan_id', 'position'], unique=False)

    op.create_table('checkups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('client_id', sa.Integer(), nullable=False),
    sa.Column('episode_id', sa.Integer(), nullable=False),
    sa.Column('months_after', sa.Integer(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('outcome', sa.String(length=32), nullable=True),
    sa.Column('completed_on', sa.Date(), nullable=True),
    sa.Column('barc10_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['barc10_id'], ['barc10.id'], name=op.f('fk_checkups_barc10_id_barc10')),
    sa.ForeignKeyConstraint(['client_id'], ['clients.id'], name=op.f('fk_checkups_client_id_clients')),
    sa.ForeignKeyConstraint(['episode_id'], ['episodes.id'], name=op.f('fk_checkups_episode_id_episodes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkups'))
    )
    with op.batch_alter_table('checkups', schema=None) as batch_op:
        batch_op.create_index('ix_checkups_client_id', ['client_id'], unique=False)
        batch_op.create_index('ix_checkups_status_due_date', ['status', 'due_date'], unique=False)

    op.create_table('intake_substances',
    sa.Column('intake_id', sa.Integer(), nullable=False),
    sa.Column('rank', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('substance', sa.String(length=32), nullable=False),
    sa.Column('route', sa.String(length=32), nullable=False),
    sa.Column('frequency', sa.String(length=32), nullable=False),
    sa.Column('age_first_use', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['intake_id'], ['intake_assessments.id'], name=op.f('fk_intake_substances_intake_id_intake_assessments')),
    sa.PrimaryKeyConstraint('intake_id', 'rank', name=op.f('pk_intake_substances'))
    )
    op.create_table('referrals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('discharge_id', sa.Integer(), nullable=False),
    sa.Column('service', sa.String(length=200), nullable=False),
    sa.Column('contact', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['discharge_id'], ['discharge_plans.id'], name=op.f('fk_referrals_discharge_id_discharge_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referrals'))
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index('ix_referrals_discharge_id', ['discharge_id'], unique=False)

    op.create_table('checkup_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('checkup_id', sa.Integer(), nullable=False),
    sa.Column('attempted_on', sa.Date(), nullable=False),
    sa.Column('channel', sa.String(length=32), nullable=False),
    sa.Column('reached', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['checkup_id'], ['checkups.id'], name=op.f('fk_checkup_attempts_checkup_id_checkups')),
    sa.ForeignKeyConstraint(['recorded_by'], ['users.id'], name=op.f('fk_checkup_attempts_recorded_by_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkup_attempts'))
    )
    with op.batch_alter_table('checkup_attempts', schema=None) as batch_op:
        batch_op.create_index('ix_checkup_attempts_checkup_id', ['checkup_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('checkup_attempts', schema=None) as batch_op:
        batch_op.drop_index('ix_checkup_attempts_checkup_id')

    op.drop_table('checkup_attempts')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index('ix_referrals_discharge_id')

    op.drop_table('referrals')
    op.drop_table('intake_substances')
    with op.batch_alter_table('checkups', schema=None) as batch_op:
        batch_op.drop_index('ix_checkups_status_due_date')
        batch_op.drop_index('ix_checkups_client_id')

    op.drop_table('checkups')
    with op.batch_alter_table('care_plan_goals', schema=None) as batch_op:
        batch_op.drop_index('ix_care_plan_goals_plan_id')

    op.drop_table('care_plan_goals')
    with op.batch_alter_table('progress_notes', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_notes_client_id')
        batch_op.drop_index('ix_progress_notes_author_status')

    op.drop_table('progress_notes')
    op.drop_table('intake_assessments')
    with op.batch_alter_table('family_notes', schema=None) as batch_op:
        batch_op.drop_index('ix_family_notes_client_id')

    op.drop_table('family_notes')
    op.drop_table('discharge_plans')
    with op.batch_alter_table('care_plans', schema=None) as batch_op:
        batch_op.drop_index('ix_care_plans_status_review_date')

    op.drop_table('care_plans')
    with op.batch_alter_table('barc10', schema=None) as batch_op:
        batch_op.drop_index('ix_barc10_client_id')

    op.drop_table('barc10')
    with op.batch_alter_table('family_members', schema=None) as batch_op:
        batch_op.drop_index('ix_family_members_client_id')

    op.drop_table('family_members')
    with op.batch_alter_table('episodes', schema=None) as batch_op:
        batch_op.drop_index('ix_episodes_status')
        batch_op.drop_index('ix_episodes_client_id')
        batch_op.drop_index('ix_episodes_admission_date')

    op.drop_table('episodes')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index('ix_consents_client_id')

    op.drop_table('consents')
    with op.batch_alter_table('client_search_terms', schema=None) as batch_op:
        batch_op.drop_index('ix_client_search_terms_term')

    op.drop_table('client_search_terms')
    with op.batch_alter_table('clients', schema=None) as batch_op:
        batch_op.drop_index('ix_clients_status_sort_name')
        batch_op.drop_index('ix_clients_sort_name')
        batch_op.drop_index('ix_clients_counsellor_id')

    op.drop_table('clients')
    op.drop_table('client_code_sequence')
