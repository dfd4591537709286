//! The typed client against a real server: what integrators and the SPA rely on.

use client::{Client, ClientError};
use domain::Role;
use domain::school::SchoolQuery;

use crate::helpers::{TestApp, school_input};

#[actix_web::test]
async fn the_typed_client_signs_in_edits_a_school_and_surfaces_problems() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Staff, vec![]).await;
    let anon = Client::new(&app.addr);

    let session = anon.login(&email, &password).await.unwrap();
    let c = anon.with_token(Some(session.access_token));
    let created = c
        .create_school(&school_input("E42", "Forty Two Elementary"))
        .await
        .unwrap();
    let page = c
        .list_schools(&SchoolQuery {
            q: Some("forty".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.items, vec![created.clone()]);

    let edited = c
        .update_school(
            created.id,
            created.version,
            &school_input("E42", "Forty-Two Elementary"),
        )
        .await
        .unwrap();
    assert_eq!(edited.version, 2);
    let stale = c
        .update_school(
            created.id,
            created.version,
            &school_input("E42", "Lost Update"),
        )
        .await
        .unwrap_err();
    assert_eq!(stale.status(), Some(412));
    assert_eq!(
        stale.problem().unwrap().code,
        domain::problem::ErrorCode::VersionMismatch
    );

    let unauth = anon.me().await.unwrap_err();
    assert!(matches!(unauth, ClientError::Api(ref p) if p.status == 401));
}
