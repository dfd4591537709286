//! Partnership applications: the form, status history, checklists, formal-process sub-tasks,
//! the schools and support areas they serve (for filters and scoping), and the outbox.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Applications {
    Table,
    Id,
    ResumeTokenHash,
    Status,
    Form,
    OrganizationName,
    ProgramTitle,
    SearchKey,
    OrganizationId,
    OwnerId,
    CollaboratingDepartment,
    ReturnMessage,
    SubmittedAt,
    StatusChangedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ApplicationSchools {
    Table,
    ApplicationId,
    SchoolId,
}

#[derive(DeriveIden)]
enum ApplicationSupportAreas {
    Table,
    ApplicationId,
    Area,
}

#[derive(DeriveIden)]
enum ApplicationHistory {
    Table,
    Id,
    ApplicationId,
    At,
    ActorId,
    Action,
    FromStatus,
    ToStatus,
    Note,
    StaffOnly,
}

#[derive(DeriveIden)]
enum ApplicationChecks {
    Table,
    ApplicationId,
    Item,
    Answer,
    Note,
    UpdatedBy,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ApplicationSubtasks {
    Table,
    ApplicationId,
    Process,
    Status,
    OwnerId,
    Note,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Kind,
    Recipient,
    Subject,
    Body,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Schools {
    Table,
    Id,
}

fn child_of_application<T: IntoIden + 'static>(
    table: T,
    col: impl IntoIden + 'static,
    name: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(Applications::Table, Applications::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Applications::Table)
                    .col(pk_uuid(Applications::Id))
                    .col(string_len_uniq(Applications::ResumeTokenHash, 64))
                    .col(string_len(Applications::Status, 32))
                    .col(text(Applications::Form))
                    .col(string_len(Applications::OrganizationName, 200))
                    .col(string_len(Applications::ProgramTitle, 200))
                    .col(string_len(Applications::SearchKey, 420))
                    .col(uuid_null(Applications::OrganizationId))
                    .col(uuid_null(Applications::OwnerId))
                    .col(string_len(Applications::CollaboratingDepartment, 200))
                    .col(text_null(Applications::ReturnMessage))
                    .col(timestamp_with_time_zone_null(Applications::SubmittedAt))
                    .col(timestamp_with_time_zone(Applications::StatusChangedAt))
                    .col(integer(Applications::Version))
                    .col(timestamp_with_time_zone(Applications::CreatedAt))
                    .col(timestamp_with_time_zone(Applications::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_applications_org")
                            .from(Applications::Table, Applications::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_applications_status")
                    .table(Applications::Table)
                    .col(Applications::Status)
                    .col(Applications::StatusChangedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApplicationSchools::Table)
                    .col(uuid(ApplicationSchools::ApplicationId))
                    .col(uuid(ApplicationSchools::SchoolId))
                    .primary_key(
                        Index::create()
                            .col(ApplicationSchools::ApplicationId)
                            .col(ApplicationSchools::SchoolId),
                    )
                    .foreign_key(&mut child_of_application(
                        ApplicationSchools::Table,
                        ApplicationSchools::ApplicationId,
                        "fk_app_schools_app",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_app_schools_school")
                            .from(ApplicationSchools::Table, ApplicationSchools::SchoolId)
                            .to(Schools::Table, Schools::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationSupportAreas::Table)
                    .col(uuid(ApplicationSupportAreas::ApplicationId))
                    .col(string_len(ApplicationSupportAreas::Area, 40))
                    .primary_key(
                        Index::create()
                            .col(ApplicationSupportAreas::ApplicationId)
                            .col(ApplicationSupportAreas::Area),
                    )
                    .foreign_key(&mut child_of_application(
                        ApplicationSupportAreas::Table,
                        ApplicationSupportAreas::ApplicationId,
                        "fk_app_areas_app",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationHistory::Table)
                    .col(pk_uuid(ApplicationHistory::Id))
                    .col(uuid(ApplicationHistory::ApplicationId))
                    .col(timestamp_with_time_zone(ApplicationHistory::At))
                    .col(uuid_null(ApplicationHistory::ActorId))
                    .col(string_len(ApplicationHistory::Action, 40))
                    .col(string_len_null(ApplicationHistory::FromStatus, 32))
                    .col(string_len_null(ApplicationHistory::ToStatus, 32))
                    .col(text_null(ApplicationHistory::Note))
                    .col(boolean(ApplicationHistory::StaffOnly))
                    .foreign_key(&mut child_of_application(
                        ApplicationHistory::Table,
                        ApplicationHistory::ApplicationId,
                        "fk_app_history_app",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_app_history_app")
                    .table(ApplicationHistory::Table)
                    .col(ApplicationHistory::ApplicationId)
                    .col(ApplicationHistory::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationChecks::Table)
                    .col(uuid(ApplicationChecks::ApplicationId))
                    .col(string_len(ApplicationChecks::Item, 60))
                    .col(string_len(ApplicationChecks::Answer, 20))
                    .col(text(ApplicationChecks::Note))
                    .col(uuid_null(ApplicationChecks::UpdatedBy))
                    .col(timestamp_with_time_zone(ApplicationChecks::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(ApplicationChecks::ApplicationId)
                            .col(ApplicationChecks::Item),
                    )
                    .foreign_key(&mut child_of_application(
                        ApplicationChecks::Table,
                        ApplicationChecks::ApplicationId,
                        "fk_app_checks_app",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationSubtasks::Table)
                    .col(uuid(ApplicationSubtasks::ApplicationId))
                    .col(string_len(ApplicationSubtasks::Process, 40))
                    .col(string_len(ApplicationSubtasks::Status, 20))
                    .col(uuid_null(ApplicationSubtasks::OwnerId))
                    .col(text(ApplicationSubtasks::Note))
                    .col(timestamp_with_time_zone(ApplicationSubtasks::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(ApplicationSubtasks::ApplicationId)
                            .col(ApplicationSubtasks::Process),
                    )
                    .foreign_key(&mut child_of_application(
                        ApplicationSubtasks::Table,
                        ApplicationSubtasks::ApplicationId,
                        "fk_app_subtasks_app",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_uuid(Outbox::Id))
                    .col(string_len(Outbox::Kind, 40))
                    .col(string_len(Outbox::Recipient, 254))
                    .col(string_len(Outbox::Subject, 200))
                    .col(text(Outbox::Body))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Outbox::Table.into_iden(),
            ApplicationSubtasks::Table.into_iden(),
            ApplicationChecks::Table.into_iden(),
            ApplicationHistory::Table.into_iden(),
            ApplicationSupportAreas::Table.into_iden(),
            ApplicationSchools::Table.into_iden(),
            Applications::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
