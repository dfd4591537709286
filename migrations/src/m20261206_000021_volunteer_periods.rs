//! Counting as of a date: a volunteer profile can end (left the program: on which day, why, by
//! whom), and a parent leader holds dated roles (from a start to an end when they step down).
//!
//! Volunteers flagged before this migration keep their role, dated from their registration:
//! when the flag was set is not known, and the registration day is the earliest it can be.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    Id,
    EndedOn,
    EndReason,
    EndedBy,
}

#[derive(DeriveIden)]
enum ParentLeaderRoles {
    Table,
    Id,
    VolunteerId,
    Role,
    StartedOn,
    EndedOn,
    RecordedBy,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            date_null(Volunteers::EndedOn),
            string_null(Volunteers::EndReason),
            uuid_null(Volunteers::EndedBy),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Volunteers::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ParentLeaderRoles::Table)
                    .col(pk_uuid(ParentLeaderRoles::Id))
                    .col(uuid(ParentLeaderRoles::VolunteerId))
                    .col(string(ParentLeaderRoles::Role))
                    .col(date(ParentLeaderRoles::StartedOn))
                    .col(date_null(ParentLeaderRoles::EndedOn))
                    .col(uuid_null(ParentLeaderRoles::RecordedBy))
                    .col(timestamp_with_time_zone(ParentLeaderRoles::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ParentLeaderRoles::Table, ParentLeaderRoles::VolunteerId)
                            .to(Volunteers::Table, Volunteers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_parent_leader_roles_volunteer")
                    .table(ParentLeaderRoles::Table)
                    .col(ParentLeaderRoles::VolunteerId)
                    .col(ParentLeaderRoles::StartedOn)
                    .to_owned(),
            )
            .await?;
        // A flagged volunteer's role, from the day they registered (see the module's note). The
        // role's id is the volunteer's: one such row per volunteer, and new ids are fresh UUIDs.
        let day = match manager.get_database_backend() {
            sea_orm_migration::sea_orm::DatabaseBackend::Postgres => "CAST(created_at AS date)",
            _ => "substr(created_at, 1, 10)",
        };
        manager
            .get_connection()
            .execute_unprepared(&format!(
                "INSERT INTO parent_leader_roles \
                 (id, volunteer_id, role, started_on, ended_on, recorded_by, created_at) \
                 SELECT id, id, COALESCE(parent_leader_role, 'Parent leader'), {day}, NULL, NULL, \
                 updated_at FROM volunteers WHERE parent_leader = {}",
                match manager.get_database_backend() {
                    sea_orm_migration::sea_orm::DatabaseBackend::Postgres => "TRUE",
                    _ => "1",
                }
            ))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ParentLeaderRoles::Table).to_owned())
            .await?;
        for col in [
            Volunteers::EndedOn,
            Volunteers::EndReason,
            Volunteers::EndedBy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Volunteers::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
