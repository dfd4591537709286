use domain::Role;
use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem};

#[actix_web::test]
async fn only_an_admin_manages_users() {
    let app = TestApp::spawn().await;
    let (_, _) = app.create_user(Role::Volunteer, vec![]).await;
    for &role in Role::ALL {
        let token = app.token_for(role).await;
        let list = app.get("/api/v1/users", &token).send().await.unwrap();
        let create = app
            .post("/api/v1/users", &token)
            .json(&json!({"email": format!("new-{}@example.test", role.as_str()), "display_name": "New", "role": "staff", "password": "twelve-chars-or-more"}))
            .send()
            .await
            .unwrap();
        if role == Role::Admin {
            assert_eq!(list.status(), 200);
            assert_eq!(create.status(), 201);
        } else {
            assert_eq!(list.status(), 403, "{role}");
            assert_eq!(create.status(), 403, "{role}");
        }
    }
}

#[actix_web::test]
async fn a_coordinator_needs_existing_schools_and_gets_them_as_scope() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let school = app.create_school("E1", "First Elementary").await;

    let none = app.post("/api/v1/users", &admin)
        .json(&json!({"email": "c@example.test", "display_name": "C", "role": "school_coordinator", "password": "twelve-chars-or-more"}))
        .send().await.unwrap();
    let p = assert_problem(none, 422, "validation_failed").await;
    assert_eq!(p["errors"][0]["field"], "school_ids");

    let ok = app.post("/api/v1/users", &admin)
        .json(&json!({"email": "c@example.test", "display_name": "C", "role": "school_coordinator", "school_ids": [school], "password": "twelve-chars-or-more"}))
        .send().await.unwrap();
    assert_eq!(ok.status(), 201);
    let login: Value = app
        .login("c@example.test", "twelve-chars-or-more")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(login["user"]["school_ids"], json!([school]));
}

#[actix_web::test]
async fn an_admin_changes_a_role_with_if_match_and_it_applies_at_once() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let (email, password) = app.create_user(Role::Volunteer, vec![]).await;
    let login: Value = app.login(&email, &password).await.json().await.unwrap();
    let token = login["access_token"].as_str().unwrap().to_string();
    let id = login["user"]["id"].as_str().unwrap();
    assert_eq!(
        app.get("/api/v1/audit?entity=school", &token)
            .send()
            .await
            .unwrap()
            .status(),
        403
    );

    let res = app
        .put(&format!("/api/v1/users/{id}"), &admin)
        .header("if-match", "\"1\"")
        .json(&json!({"display_name": "Now Staff", "role": "staff"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    assert_eq!(
        app.get("/api/v1/audit?entity=school", &token)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let stale = app
        .put(&format!("/api/v1/users/{id}"), &admin)
        .header("if-match", "\"1\"")
        .json(&json!({"display_name": "Again", "role": "partner"}))
        .send()
        .await
        .unwrap();
    assert_problem(stale, 412, "version_mismatch").await;
}

#[actix_web::test]
async fn a_duplicate_email_is_a_field_error_and_a_short_password_too() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let (email, _) = app.create_user(Role::Staff, vec![]).await;

    let dup = app.post("/api/v1/users", &admin)
        .json(&json!({"email": email.to_uppercase(), "display_name": "D", "role": "staff", "password": "twelve-chars-or-more"}))
        .send().await.unwrap();
    assert_eq!(
        assert_problem(dup, 422, "validation_failed").await["errors"][0]["field"],
        "email"
    );
    let short = app.post("/api/v1/users", &admin)
        .json(&json!({"email": "s@example.test", "display_name": "S", "role": "staff", "password": "short"}))
        .send().await.unwrap();
    assert_eq!(
        assert_problem(short, 422, "validation_failed").await["errors"][0]["field"],
        "password"
    );
}

#[actix_web::test]
async fn an_admin_cannot_deactivate_themselves_and_can_reactivate_others() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Admin, vec![]).await;
    let login: Value = app.login(&email, &password).await.json().await.unwrap();
    let admin = login["access_token"].as_str().unwrap();
    let me = login["user"]["id"].as_str().unwrap();

    let own = app
        .post(&format!("/api/v1/users/{me}/deactivate"), admin)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_problem(own, 409, "own_account").await;

    let (other_email, other_pw) = app.create_user(Role::Staff, vec![]).await;
    let other: Value = app
        .login(&other_email, &other_pw)
        .await
        .json()
        .await
        .unwrap();
    let other_id = other["user"]["id"].as_str().unwrap();
    assert_eq!(
        app.post(&format!("/api/v1/users/{other_id}/deactivate"), admin)
            .header("if-match", "\"1\"")
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        app.post(&format!("/api/v1/users/{other_id}/reactivate"), admin)
            .header("if-match", "\"2\"")
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(app.login(&other_email, &other_pw).await.status(), 200);
    let unknown = app
        .get(&format!("/api/v1/users/{}", uuid::Uuid::new_v4()), admin)
        .send()
        .await
        .unwrap();
    assert_problem(unknown, 404, "not_found").await;
}

#[actix_web::test]
async fn only_an_admin_reads_changes_or_deactivates_a_user() {
    let app = TestApp::spawn().await;
    let (email, password) = app.create_user(Role::Volunteer, vec![]).await;
    let target: Value = app.login(&email, &password).await.json().await.unwrap();
    let id = target["user"]["id"].as_str().unwrap().to_string();
    for &role in Role::ALL {
        let token = app.token_for(role).await;
        let get = app
            .get(&format!("/api/v1/users/{id}"), &token)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let put = app
            .put(&format!("/api/v1/users/{id}"), &token)
            .header("if-match", "\"999\"")
            .json(&json!({"display_name": "X", "role": "volunteer"}))
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let deactivate = app
            .post(&format!("/api/v1/users/{id}/deactivate"), &token)
            .header("if-match", "\"999\"")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        let reactivate = app
            .post(&format!("/api/v1/users/{id}/reactivate"), &token)
            .header("if-match", "\"999\"")
            .send()
            .await
            .unwrap()
            .status()
            .as_u16();
        if role == Role::Admin {
            assert_eq!(
                (get, put, deactivate, reactivate),
                (200, 412, 412, 412),
                "admin"
            );
        } else {
            assert_eq!(
                (get, put, deactivate, reactivate),
                (403, 403, 403, 403),
                "{role}"
            );
        }
    }
}

#[actix_web::test]
async fn the_user_list_pages_by_email_and_filters_by_role_status_and_text() {
    let app = TestApp::spawn().await;
    let admin = app.token_for(Role::Admin).await;
    let school = app.create_school("E1", "First Elementary").await;
    for _ in 0..3 {
        app.create_user(Role::Volunteer, vec![]).await;
    }
    let (coordinator, _) = app.create_user(Role::SchoolCoordinator, vec![school]).await;

    let mut emails = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/users?limit=2&cursor={c}"),
            None => "/api/v1/users?limit=2".into(),
        };
        let page = app.get_json(&path, &admin).await;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= 2);
        emails.extend(
            items
                .iter()
                .map(|u| u["email"].as_str().unwrap().to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    assert_eq!(
        emails.len(),
        5,
        "the admin, three volunteers, the coordinator"
    );
    let mut sorted = emails.clone();
    sorted.sort();
    assert_eq!(emails, sorted, "by email");

    let coordinators = app
        .get_json("/api/v1/users?role=school_coordinator", &admin)
        .await;
    assert_eq!(coordinators["items"].as_array().unwrap().len(), 1);
    assert_eq!(coordinators["items"][0]["school_ids"], json!([school]));
    let text = coordinator[..12].to_uppercase();
    let found = app
        .get_json(&format!("/api/v1/users?q={text}"), &admin)
        .await;
    assert_eq!(found["items"][0]["email"], coordinator.as_str(), "{found}");
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let none = app
        .get_json("/api/v1/users?status=deactivated", &admin)
        .await;
    assert!(none["items"].as_array().unwrap().is_empty());
    let res = app
        .get("/api/v1/users?cursor=garbage", &admin)
        .send()
        .await
        .unwrap();
    assert_problem(res, 422, "validation_failed").await;
}

#[actix_web::test]
async fn demo_data_loads_into_an_empty_database_only_and_never_over_real_data() {
    use partnerhub_cli::demo::{SeedOutcome, seed};
    let demo = TestApp::spawn().await;
    assert_eq!(seed(&demo.db).await.unwrap(), SeedOutcome::Loaded);
    assert_eq!(seed(&demo.db).await.unwrap(), SeedOutcome::AlreadyDemo);

    let real = TestApp::spawn().await;
    real.create_user(Role::Admin, vec![]).await;
    assert_eq!(seed(&real.db).await.unwrap(), SeedOutcome::RealData);
    let admin = real.token_for(Role::Admin).await;
    let users = real.get_json("/api/v1/users", &admin).await;
    assert!(
        !users.to_string().contains("@partnerhub.test"),
        "no demo login was added: {users}"
    );
}
