//! A signature records what was signed: the SHA-256 of the agreement file's latest version at
//! the moment of signing (none when the agreement had no file). Uploads are refused once
//! signatures are requested, so both parties sign the same version.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AgreementSignatures {
    Table,
    DocumentSha256,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AgreementSignatures::Table)
                    .add_column(string_len_null(AgreementSignatures::DocumentSha256, 64))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AgreementSignatures::Table)
                    .drop_column(AgreementSignatures::DocumentSha256)
                    .to_owned(),
            )
            .await
    }
}
