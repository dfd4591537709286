//! An anonymous application whose organization looks like one already in the directory (same
//! EIN, or a similar name and website) is no longer attached to it on submit: the candidate is
//! kept as `matched_organization_id` until staff confirm the match or create a new organization.
//! Until then the application has no organization, so that organization's logins do not see it.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Applications {
    Table,
    MatchedOrganizationId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .add_column(
                        ColumnDef::new(Applications::MatchedOrganizationId)
                            .uuid()
                            .null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Applications::Table)
                    .drop_column(Applications::MatchedOrganizationId)
                    .to_owned(),
            )
            .await
    }
}
