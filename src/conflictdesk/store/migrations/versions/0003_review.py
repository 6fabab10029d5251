"""Review: an audit trail of analysts' corrections, and each event's and point's review state.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'corrections',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('document_id', sa.String(length=200), nullable=False),
        sa.Column('target', sa.String(length=16), nullable=False),
        sa.Column('target_id', sa.String(length=200), nullable=False),
        sa.Column('action', sa.String(length=16), nullable=False),
        sa.Column('changes', sa.Text(), nullable=False),
        sa.Column('reviewer', sa.String(length=200), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_corrections')),
    )
    op.create_index(op.f('ix_corrections_at'), 'corrections', ['at'], unique=False)
    op.create_index('ix_corrections_document_id_target_target_id', 'corrections',
                    ['document_id', 'target', 'target_id'], unique=False)
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('review', sa.String(length=16), nullable=True))
    with op.batch_alter_table('points') as batch:
        batch.add_column(sa.Column('review', sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('points') as batch:
        batch.drop_column('review')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('review')
    op.drop_index('ix_corrections_document_id_target_target_id', table_name='corrections')
    op.drop_index(op.f('ix_corrections_at'), table_name='corrections')
    op.drop_table('corrections')
