//! One-time links that set a password: a reset the account holder asked for, or the
//! invitation an imported volunteer receives. Only the SHA-256 of the token is stored; a link
//! works once and until it expires.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PasswordTokens {
    Table,
    Id,
    UserId,
    TokenHash,
    Purpose,
    ExpiresAt,
    UsedAt,
    CreatedAt,
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
                    .table(PasswordTokens::Table)
                    .col(uuid(PasswordTokens::Id).primary_key())
                    .col(uuid(PasswordTokens::UserId))
                    .col(string_len(PasswordTokens::TokenHash, 64).unique_key())
                    .col(string_len(PasswordTokens::Purpose, 16))
                    .col(timestamp_with_time_zone(PasswordTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(PasswordTokens::UsedAt))
                    .col(timestamp_with_time_zone(PasswordTokens::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_password_tokens_user")
                            .from(PasswordTokens::Table, PasswordTokens::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_password_tokens_user")
                    .table(PasswordTokens::Table)
                    .col(PasswordTokens::UserId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PasswordTokens::Table).to_owned())
            .await
    }
}
