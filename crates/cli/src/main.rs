//! The `partnerhub` binary. See `partnerhub --help`.

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    partnerhub_cli::cli::main().await
}
