//! Serving the SPA: deep links get the app, its files are compressed for browsers that accept
//! it, and API answers are not compressed.

use crate::helpers::TestApp;

fn spa_dir() -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("partnerhub-spa-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "<!doctype html><title>PartnerHub</title>",
    )
    .unwrap();
    // Compressible, like the real wasm and JavaScript.
    std::fs::write(
        dir.join("partnerhub.js"),
        "export const x = 1;\n".repeat(2000),
    )
    .unwrap();
    dir
}

#[actix_web::test]
async fn deep_links_get_the_app_and_its_files_are_compressed_but_api_answers_are_not() {
    let dir = spa_dir();
    let spa = dir.display().to_string();
    let app = TestApp::spawn_with(move |s| s.server.spa_dir = spa).await;

    let res = app
        .client
        .get(app.url("/volunteers/import"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("<title>PartnerHub</title>")
    );

    let res = app
        .client
        .get(app.url("/partnerhub.js"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let body = res.bytes().await.unwrap();
    assert!(body.len() < 2000, "compressed: {} bytes", body.len());

    let res = app
        .client
        .get(app.url("/api/v1/public/schools"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers().get("content-encoding").is_none());
    std::fs::remove_dir_all(dir).unwrap();
}
