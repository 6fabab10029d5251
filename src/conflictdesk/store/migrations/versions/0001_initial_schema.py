"""Initial schema: documents, their extracted rows, errors, and full-text search (fts.py).

Revision ID: 0001
Revises:
Create Date: 2025-11-26
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from conflictdesk.store import fts


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('documents',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('published', sa.Date(), nullable=True),
        sa.Column('source', sa.String(length=300), nullable=True),
        sa.Column('url', sa.Text(), nullable=True),
        sa.Column('language', sa.String(length=16), nullable=True),
        sa.Column('author', sa.Text(), nullable=True),
        sa.Column('origin', sa.Text(), nullable=True),
        sa.Column('format', sa.String(length=32), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('fingerprint', sa.BigInteger(), nullable=True),
        sa.Column('band0', sa.Integer(), nullable=True),
        sa.Column('band1', sa.Integer(), nullable=True),
        sa.Column('band2', sa.Integer(), nullable=True),
        sa.Column('band3', sa.Integer(), nullable=True),
        sa.Column('duplicate_of', sa.String(length=200), nullable=True),
        sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('extracted', sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_documents')),
        sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash')),
        sa.UniqueConstraint('id', name=op.f('uq_documents_id'))
    )
    op.create_index(op.f('ix_documents_band0'), 'documents', ['band0'], unique=False)
    op.create_index(op.f('ix_documents_band1'), 'documents', ['band1'], unique=False)
    op.create_index(op.f('ix_documents_band2'), 'documents', ['band2'], unique=False)
    op.create_index(op.f('ix_documents_band3'), 'documents', ['band3'], unique=False)
    op.create_index(op.f('ix_documents_duplicate_of'), 'documents', ['duplicate_of'], unique=False)
    op.create_index(op.f('ix_documents_published'), 'documents', ['published'], unique=False)

    op.create_table('errors',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('origin', sa.Text(), nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=True),
        sa.Column('stage', sa.String(length=32), nullable=False),
        sa.Column('code', sa.String(length=16), nullable=False),
        sa.Column('message', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_errors'))
    )
    op.create_index(op.f('ix_errors_at'), 'errors', ['at'], unique=False)

    op.create_table('actors',
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('actor_id', sa.String(length=200), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('type', sa.String(length=64), nullable=False),
        sa.Column('aliases', sa.Text(), nullable=False),
        sa.Column('country', sa.String(length=120), nullable=True),
        sa.Column('acled_name', sa.Text(), nullable=True),
        sa.Column('known', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_actors_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('document_id', 'actor_id', name=op.f('pk_actors'))
    )
    op.create_index(op.f('ix_actors_actor_id'), 'actors', ['actor_id'], unique=False)

    op.create_table('events',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('event_type', sa.String(length=64), nullable=False),
        sa.Column('sub_event_type', sa.String(length=64), nullable=False),
        sa.Column('actor1', sa.String(length=200), nullable=True),
        sa.Column('assoc_actor_1', sa.Text(), nullable=False),
        sa.Column('actor2', sa.String(length=200), nullable=True),
        sa.Column('assoc_actor_2', sa.Text(), nullable=False),
        sa.Column('country', sa.String(length=120), nullable=True),
        sa.Column('admin1', sa.String(length=200), nullable=True),
        sa.Column('location', sa.String(length=300), nullable=True),
        sa.Column('latitude', sa.Float(), nullable=True),
        sa.Column('longitude', sa.Float(), nullable=True),
        sa.Column('geo_precision', sa.Integer(), nullable=True),
        sa.Column('event_date', sa.Date(), nullable=True),
        sa.Column('time_precision', sa.Integer(), nullable=True),
        sa.Column('fatalities', sa.Integer(), nullable=True),
        sa.Column('count_value', sa.Integer(), nullable=True),
        sa.Column('count_qualifier', sa.String(length=16), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('salience', sa.String(length=16), nullable=False),
        sa.Column('civilian_targeting', sa.Boolean(), nullable=False),
        sa.Column('cameo', sa.String(length=16), nullable=True),
        sa.Column('plover', sa.String(length=64), nullable=True),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('evidence_start', sa.Integer(), nullable=False),
        sa.Column('evidence_end', sa.Integer(), nullable=False),
        sa.Column('evidence_text', sa.Text(), nullable=False),
        sa.Column('rule', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_events_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_events')),
        sa.UniqueConstraint('document_id', 'id', name=op.f('uq_events_document_id_id'))
    )
    op.create_index(op.f('ix_events_country'), 'events', ['country'], unique=False)
    op.create_index(op.f('ix_events_document_id'), 'events', ['document_id'], unique=False)
    op.create_index(op.f('ix_events_event_date'), 'events', ['event_date'], unique=False)
    op.create_index(op.f('ix_events_event_type'), 'events', ['event_type'], unique=False)
    op.create_index(op.f('ix_events_status'), 'events', ['status'], unique=False)

    op.create_table('mentions',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('entity_id', sa.String(length=200), nullable=True),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('end', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('data', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_mentions_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_mentions'))
    )
    op.create_index(op.f('ix_mentions_document_id'), 'mentions', ['document_id'], unique=False)
    op.create_index('ix_mentions_kind_entity_id', 'mentions', ['kind', 'entity_id'], unique=False)

    op.create_table('people',
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('person_id', sa.String(length=200), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('role', sa.Text(), nullable=True),
        sa.Column('actor', sa.String(length=200), nullable=True),
        sa.Column('known', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_people_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('document_id', 'person_id', name=op.f('pk_people'))
    )
    op.create_index(op.f('ix_people_person_id'), 'people', ['person_id'], unique=False)

    op.create_table('relations',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('subject', sa.String(length=200), nullable=False),
        sa.Column('relation', sa.String(length=64), nullable=False),
        sa.Column('object', sa.String(length=200), nullable=False),
        sa.Column('source', sa.String(length=32), nullable=False),
        sa.Column('evidence_start', sa.Integer(), nullable=True),
        sa.Column('evidence_end', sa.Integer(), nullable=True),
        sa.Column('evidence_text', sa.Text(), nullable=True),
        sa.Column('citation', sa.Text(), nullable=True),
        sa.Column('since', sa.Date(), nullable=True),
        sa.Column('until', sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_relations_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_relations'))
    )
    op.create_index(op.f('ix_relations_document_id'), 'relations', ['document_id'], unique=False)
    op.create_index(op.f('ix_relations_object'), 'relations', ['object'], unique=False)
    op.create_index(op.f('ix_relations_subject'), 'relations', ['subject'], unique=False)

    op.create_table('statements',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('actor', sa.String(length=200), nullable=True),
        sa.Column('speaker', sa.String(length=200), nullable=True),
        sa.Column('channel', sa.Text(), nullable=True),
        sa.Column('date', sa.Date(), nullable=True),
        sa.Column('evidence_start', sa.Integer(), nullable=True),
        sa.Column('evidence_end', sa.Integer(), nullable=True),
        sa.Column('evidence_text', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_statements_document_id_documents'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_statements')),
        sa.UniqueConstraint('document_id', 'id', name=op.f('uq_statements_document_id_id'))
    )
    op.create_index(op.f('ix_statements_actor'), 'statements', ['actor'], unique=False)
    op.create_index(op.f('ix_statements_document_id'), 'statements', ['document_id'], unique=False)

    op.create_table('event_actors',
        sa.Column('event_pk', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.String(length=200), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_event_actors_document_id_documents'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['event_pk'], ['events.pk'], name=op.f('fk_event_actors_event_pk_events'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_pk', 'actor_id', 'role', name=op.f('pk_event_actors'))
    )
    op.create_index('ix_event_actors_actor_id_event_pk', 'event_actors', ['actor_id', 'event_pk'], unique=False)
    op.create_index(op.f('ix_event_actors_document_id'), 'event_actors', ['document_id'], unique=False)

    op.create_table('points',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('statement_pk', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('ord', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('end', sa.Integer(), nullable=False),
        sa.Column('labels', sa.Text(), nullable=False),
        sa.Column('cues', sa.Text(), nullable=False),
        sa.Column('targets', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_points_document_id_documents'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['statement_pk'], ['statements.pk'], name=op.f('fk_points_statement_pk_statements'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_points'))
    )
    op.create_index(op.f('ix_points_document_id'), 'points', ['document_id'], unique=False)
    op.create_index(op.f('ix_points_statement_pk'), 'points', ['statement_pk'], unique=False)
    fts.install(op.get_bind())


def downgrade() -> None:
    fts.uninstall(op.get_bind())
    op.drop_index(op.f('ix_points_statement_pk'), table_name='points')
    op.drop_index(op.f('ix_points_document_id'), table_name='points')

    op.drop_table('points')
    op.drop_index(op.f('ix_event_actors_document_id'), table_name='event_actors')
    op.drop_index('ix_event_actors_actor_id_event_pk', table_name='event_actors')

    op.drop_table('event_actors')
    op.drop_index(op.f('ix_statements_document_id'), table_name='statements')
    op.drop_index(op.f('ix_statements_actor'), table_name='statements')

    op.drop_table('statements')
    op.drop_index(op.f('ix_relations_subject'), table_name='relations')
    op.drop_index(op.f('ix_relations_object'), table_name='relations')
    op.drop_index(op.f('ix_relations_document_id'), table_name='relations')

    op.drop_table('relations')
    op.drop_index(op.f('ix_people_person_id'), table_name='people')

    op.drop_table('people')
    op.drop_index('ix_mentions_kind_entity_id', table_name='mentions')
    op.drop_index(op.f('ix_mentions_document_id'), table_name='mentions')

    op.drop_table('mentions')
    op.drop_index(op.f('ix_events_status'), table_name='events')
    op.drop_index(op.f('ix_events_event_type'), table_name='events')
    op.drop_index(op.f('ix_events_event_date'), table_name='events')
    op.drop_index(op.f('ix_events_document_id'), table_name='events')
    op.drop_index(op.f('ix_events_country'), table_name='events')

    op.drop_table('events')
    op.drop_index(op.f('ix_actors_actor_id'), table_name='actors')

    op.drop_table('actors')
    op.drop_index(op.f('ix_errors_at'), table_name='errors')

    op.drop_table('errors')
    op.drop_index(op.f('ix_documents_published'), table_name='documents')
    op.drop_index(op.f('ix_documents_duplicate_of'), table_name='documents')
    op.drop_index(op.f('ix_documents_band3'), table_name='documents')
    op.drop_index(op.f('ix_documents_band2'), table_name='documents')
    op.drop_index(op.f('ix_documents_band1'), table_name='documents')
    op.drop_index(op.f('ix_documents_band0'), table_name='documents')

    op.drop_table('documents')
