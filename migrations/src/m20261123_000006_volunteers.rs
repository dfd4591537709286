//! Volunteers: profiles (one per volunteer login), the schools they want to serve, their
//! interests, and the clearance ledger (no raw background report is ever stored).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Volunteers {
    Table,
    Id,
    UserId,
    Phone,
    PreferredLanguage,
    Kind,
    OrganizationId,
    ParentLeader,
    Availability,
    NameKey,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum VolunteerSchools {
    Table,
    VolunteerId,
    SchoolId,
}

#[derive(DeriveIden)]
enum VolunteerInterests {
    Table,
    VolunteerId,
    Interest,
}

#[derive(DeriveIden)]
enum Clearances {
    Table,
    Id,
    VolunteerId,
    Kind,
    Status,
    ClearedOn,
    ExpiresOn,
    Reference,
    RecordedBy,
    RecordedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Schools {
    Table,
    Id,
}

fn child<T: IntoIden + 'static>(
    table: T,
    col: impl IntoIden + 'static,
    name: &str,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(table, col)
        .to(Volunteers::Table, Volunteers::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Volunteers::Table)
                    .col(pk_uuid(Volunteers::Id))
                    .col(uuid_uniq(Volunteers::UserId))
                    .col(string_len(Volunteers::Phone, 20))
                    .col(string_len(Volunteers::PreferredLanguage, 8))
                    .col(string_len(Volunteers::Kind, 32))
                    .col(uuid_null(Volunteers::OrganizationId))
                    .col(boolean(Volunteers::ParentLeader))
                    .col(text(Volunteers::Availability))
                    .col(string_len(Volunteers::NameKey, 200))
                    .col(integer(Volunteers::Version))
                    .col(timestamp_with_time_zone(Volunteers::CreatedAt))
                    .col(timestamp_with_time_zone(Volunteers::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_volunteers_user")
                            .from(Volunteers::Table, Volunteers::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_volunteers_name_phone")
                    .table(Volunteers::Table)
                    .col(Volunteers::NameKey)
                    .col(Volunteers::Phone)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VolunteerSchools::Table)
                    .col(uuid(VolunteerSchools::VolunteerId))
                    .col(uuid(VolunteerSchools::SchoolId))
                    .primary_key(
                        Index::create()
                            .col(VolunteerSchools::VolunteerId)
                            .col(VolunteerSchools::SchoolId),
                    )
                    .foreign_key(&mut child(
                        VolunteerSchools::Table,
                        VolunteerSchools::VolunteerId,
                        "fk_vol_schools_vol",
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_vol_schools_school")
                            .from(VolunteerSchools::Table, VolunteerSchools::SchoolId)
                            .to(Schools::Table, Schools::Id)
                            .on_delete(ForeignKeyAction::Restrict),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VolunteerInterests::Table)
                    .col(uuid(VolunteerInterests::VolunteerId))
                    .col(string_len(VolunteerInterests::Interest, 40))
                    .primary_key(
                        Index::create()
                            .col(VolunteerInterests::VolunteerId)
                            .col(VolunteerInterests::Interest),
                    )
                    .foreign_key(&mut child(
                        VolunteerInterests::Table,
                        VolunteerInterests::VolunteerId,
                        "fk_vol_interests_vol",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Clearances::Table)
                    .col(pk_uuid(Clearances::Id))
                    .col(uuid(Clearances::VolunteerId))
                    .col(string_len(Clearances::Kind, 40))
                    .col(string_len(Clearances::Status, 20))
                    .col(date_null(Clearances::ClearedOn))
                    .col(date_null(Clearances::ExpiresOn))
                    .col(string_len(Clearances::Reference, 120))
                    .col(uuid_null(Clearances::RecordedBy))
                    .col(timestamp_with_time_zone(Clearances::RecordedAt))
                    .foreign_key(&mut child(
                        Clearances::Table,
                        Clearances::VolunteerId,
                        "fk_clearances_vol",
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_clearances_expiry")
                    .table(Clearances::Table)
                    .col(Clearances::Status)
                    .col(Clearances::ExpiresOn)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Clearances::Table.into_iden(),
            VolunteerInterests::Table.into_iden(),
            VolunteerSchools::Table.into_iden(),
            Volunteers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
