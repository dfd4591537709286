//! Opportunities at schools and volunteers' sign-ups for them (a slot or the waitlist). A
//! sign-up row is never deleted: cancelling marks it, and signing up again revives it at the
//! end of the queue.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Opportunities {
    Table,
    Id,
    Title,
    Activity,
    SchoolId,
    StartsAt,
    EndsAt,
    RepeatsWeeklyUntil,
    LastAt,
    Slots,
    ClearanceRequired,
    MinimumAge,
    Description,
    Status,
    CancelReason,
    CreatedBy,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Signups {
    Table,
    Id,
    OpportunityId,
    VolunteerId,
    Status,
    CancelReason,
    QueuedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Schools {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Opportunities::Table)
                    .col(pk_uuid(Opportunities::Id))
                    .col(string_len(Opportunities::Title, 120))
                    .col(string_len(Opportunities::Activity, 40))
                    .col(uuid(Opportunities::SchoolId))
                    .col(timestamp_with_time_zone(Opportunities::StartsAt))
                    .col(timestamp_with_time_zone(Opportunities::EndsAt))
                    .col(date_null(Opportunities::RepeatsWeeklyUntil))
                    .col(timestamp_with_time_zone(Opportunities::LastAt))
                    .col(integer(Opportunities::Slots))
                    .col(boolean(Opportunities::ClearanceRequired))
                    .col(integer_null(Opportunities::MinimumAge))
                    .col(text(Opportunities::Description))
                    .col(string_len(Opportunities::Status, 20))
                    .col(text_null(Opportunities::CancelReason))
                    .col(uuid(Opportunities::CreatedBy))
                    .col(integer(Opportunities::Version))
                    .col(timestamp_with_time_zone(Opportunities::CreatedAt))
                    .col(timestamp_with_time_zone(Opportunities::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_opportunities_school")
                            .from(Opportunities::Table, Opportunities::SchoolId)
                            .to(Schools::Table, Schools::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_opportunities_upcoming")
                    .table(Opportunities::Table)
                    .col(Opportunities::Status)
                    .col(Opportunities::LastAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_opportunities_school")
                    .table(Opportunities::Table)
                    .col(Opportunities::SchoolId)
                    .col(Opportunities::StartsAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Signups::Table)
                    .col(pk_uuid(Signups::Id))
                    .col(uuid(Signups::OpportunityId))
                    .col(uuid(Signups::VolunteerId))
                    .col(string_len(Signups::Status, 20))
                    .col(text_null(Signups::CancelReason))
                    .col(timestamp_with_time_zone(Signups::QueuedAt))
                    .col(timestamp_with_time_zone(Signups::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_signups_opportunity")
                            .from(Signups::Table, Signups::OpportunityId)
                            .to(Opportunities::Table, Opportunities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_signups_volunteer")
                            .from(Signups::Table, Signups::VolunteerId)
                            .to(Volunteers::Table, Volunteers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_signups_opportunity_volunteer")
                    .table(Signups::Table)
                    .col(Signups::OpportunityId)
                    .col(Signups::VolunteerId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_signups_queue")
                    .table(Signups::Table)
                    .col(Signups::OpportunityId)
                    .col(Signups::Status)
                    .col(Signups::QueuedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_signups_volunteer")
                    .table(Signups::Table)
                    .col(Signups::VolunteerId)
                    .col(Signups::Status)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Signups::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Opportunities::Table).to_owned())
            .await
    }
}
