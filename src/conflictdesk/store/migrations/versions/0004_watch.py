"""Watched feeds: each source's validators, health and next poll, and the entries read from it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watch_sources',
        sa.Column('pk', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('url', sa.String(length=2000), nullable=False),
        sa.Column('name', sa.Text(), nullable=True),
        sa.Column('etag', sa.Text(), nullable=True),
        sa.Column('last_modified', sa.String(length=100), nullable=True),
        sa.Column('last_polled', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_success', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('last_error_code', sa.String(length=16), nullable=True),
        sa.Column('last_error_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('failures', sa.Integer(), nullable=False),
        sa.Column('polls', sa.Integer(), nullable=False),
        sa.Column('documents', sa.Integer(), nullable=False),
        sa.Column('next_poll', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('pk', name=op.f('pk_watch_sources')),
        sa.UniqueConstraint('url', name=op.f('uq_watch_sources_url')),
    )
    op.create_index(op.f('ix_watch_sources_next_poll'), 'watch_sources', ['next_poll'], unique=False)
    op.create_table(
        'watch_items',
        sa.Column('source_pk', sa.Integer(), nullable=False),
        sa.Column('item_key', sa.String(length=64), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['source_pk'], ['watch_sources.pk'],
                                name=op.f('fk_watch_items_source_pk_watch_sources'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('source_pk', 'item_key', name=op.f('pk_watch_items')),
    )


def downgrade() -> None:
    op.drop_table('watch_items')
    op.drop_index(op.f('ix_watch_sources_next_poll'), table_name='watch_sources')
    op.drop_table('watch_sources')
