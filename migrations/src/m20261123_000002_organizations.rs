//! Partner organizations, their support areas and contacts; partner logins' organization.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
    LegalName,
    NameKey,
    OrgType,
    TaxStatus,
    Ein,
    Website,
    WebsiteHost,
    Address,
    City,
    PostalCode,
    Description,
    Status,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrganizationSupportAreas {
    Table,
    OrganizationId,
    Area,
}

#[derive(DeriveIden)]
enum Contacts {
    Table,
    Id,
    OrganizationId,
    Name,
    Title,
    Email,
    Phone,
    IsPrimary,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum UserOrganizations {
    Table,
    UserId,
    OrganizationId,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Organizations::Table)
                    .col(pk_uuid(Organizations::Id))
                    .col(string_len(Organizations::LegalName, 200))
                    .col(string_len(Organizations::NameKey, 200))
                    .col(string_len(Organizations::OrgType, 32))
                    .col(string_len(Organizations::TaxStatus, 16))
                    .col(string_len_null(Organizations::Ein, 10))
                    .col(string_len(Organizations::Website, 200))
                    .col(string_len_null(Organizations::WebsiteHost, 200))
                    .col(string_len(Organizations::Address, 200))
                    .col(string_len(Organizations::City, 80))
                    .col(string_len(Organizations::PostalCode, 10))
                    .col(text(Organizations::Description))
                    .col(string_len(Organizations::Status, 16))
                    .col(integer(Organizations::Version))
                    .col(timestamp_with_time_zone(Organizations::CreatedAt))
                    .col(timestamp_with_time_zone(Organizations::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_organizations_name", Organizations::LegalName),
            ("idx_organizations_ein", Organizations::Ein),
            ("idx_organizations_website_host", Organizations::WebsiteHost),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Organizations::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(OrganizationSupportAreas::Table)
                    .col(uuid(OrganizationSupportAreas::OrganizationId))
                    .col(string_len(OrganizationSupportAreas::Area, 40))
                    .primary_key(
                        Index::create()
                            .col(OrganizationSupportAreas::OrganizationId)
                            .col(OrganizationSupportAreas::Area),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_org_support_areas_org")
                            .from(
                                OrganizationSupportAreas::Table,
                                OrganizationSupportAreas::OrganizationId,
                            )
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Contacts::Table)
                    .col(pk_uuid(Contacts::Id))
                    .col(uuid(Contacts::OrganizationId))
                    .col(string_len(Contacts::Name, 120))
                    .col(string_len(Contacts::Title, 120))
                    .col(string_len(Contacts::Email, 254))
                    .col(string_len(Contacts::Phone, 20))
                    .col(boolean(Contacts::IsPrimary))
                    .col(uuid_null(Contacts::UserId))
                    .col(timestamp_with_time_zone(Contacts::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_contacts_org")
                            .from(Contacts::Table, Contacts::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_contacts_user")
                            .from(Contacts::Table, Contacts::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_contacts_org")
                    .table(Contacts::Table)
                    .col(Contacts::OrganizationId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(UserOrganizations::Table)
                    .col(pk_uuid(UserOrganizations::UserId))
                    .col(uuid(UserOrganizations::OrganizationId))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_orgs_user")
                            .from(UserOrganizations::Table, UserOrganizations::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_user_orgs_org")
                            .from(UserOrganizations::Table, UserOrganizations::OrganizationId)
                            .to(Organizations::Table, Organizations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            UserOrganizations::Table.into_iden(),
            Contacts::Table.into_iden(),
            OrganizationSupportAreas::Table.into_iden(),
            Organizations::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(t).to_owned())
                .await?;
        }
        Ok(())
    }
}
