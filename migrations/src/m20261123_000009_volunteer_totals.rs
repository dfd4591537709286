//! Summaries for the volunteer dashboards, kept in the same transaction as the changes they
//! sum (hour approvals and corrections; clearance decisions), so the dashboard never scans the
//! hour log: approved minutes per volunteer, school, activity and month, and each volunteer's
//! last day of current clearance.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum VolunteerHourTotals {
    Table,
    VolunteerId,
    SchoolId,
    Activity,
    Month,
    Minutes,
    Entries,
}

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    Id,
    ClearedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(VolunteerHourTotals::Table)
                    .col(uuid(VolunteerHourTotals::VolunteerId))
                    .col(uuid(VolunteerHourTotals::SchoolId))
                    .col(string_len(VolunteerHourTotals::Activity, 40))
                    .col(date(VolunteerHourTotals::Month))
                    .col(big_integer(VolunteerHourTotals::Minutes))
                    .col(big_integer(VolunteerHourTotals::Entries))
                    .primary_key(
                        Index::create()
                            .col(VolunteerHourTotals::VolunteerId)
                            .col(VolunteerHourTotals::SchoolId)
                            .col(VolunteerHourTotals::Activity)
                            .col(VolunteerHourTotals::Month),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_hour_totals_volunteer")
                            .from(VolunteerHourTotals::Table, VolunteerHourTotals::VolunteerId)
                            .to(Volunteers::Table, Volunteers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_hour_totals_month")
                    .table(VolunteerHourTotals::Table)
                    .col(VolunteerHourTotals::Month)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Volunteers::Table)
                    .add_column(date_null(Volunteers::ClearedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_volunteers_cleared_until")
                    .table(Volunteers::Table)
                    .col(Volunteers::ClearedUntil)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_volunteers_cleared_until")
                    .table(Volunteers::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Volunteers::Table)
                    .drop_column(Volunteers::ClearedUntil)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(VolunteerHourTotals::Table).to_owned())
            .await
    }
}
