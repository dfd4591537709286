//! `TestApp`: a running server on a fresh database, and helpers to act as each role.

use domain::user::CreateUser;
use domain::{Role, SchoolId};
use partnerhub_api::services::{self, Actor};
use partnerhub_api::{Application, Settings};
use reqwest::header::{HeaderMap, SET_COOKIE};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use secrecy::SecretString;

pub const JWT_SECRET: &str = "test-secret-test-secret-test-secret!";

/// Drops the test database when the test ends, however it ends.
struct DbGuard {
    docs: Option<std::path::PathBuf>,
    sqlite_file: Option<std::path::PathBuf>,
    pg: Option<(String, String)>,
}

impl Drop for DbGuard {
    fn drop(&mut self) {
        if let Some(d) = &self.docs {
            let _ = std::fs::remove_dir_all(d);
        }
        if let Some(f) = &self.sqlite_file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", f.display()));
            }
        }
        if let Some((admin_url, name)) = self.pg.take() {
            // Drop runs inside the test's runtime: use a thread with its own.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                rt.block_on(async {
                    if let Ok(db) = Database::connect(admin_url.as_str()).await {
                        let _ = db
                            .execute_unprepared(&format!(
                                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                            ))
                            .await;
                    }
                });
                Ok::<_, std::io::Error>(())
            })
            .join();
        }
    }
}

/// A new, empty database — PostgreSQL when `TEST_DATABASE_URL` is set, else a SQLite file —
/// and the guard that drops it.
async fn fresh_database() -> (String, DbGuard) {
    match postgres_url() {
        Some(admin_url) => {
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            let admin = Database::connect(admin_url.as_str())
                .await
                .expect("connect to TEST_DATABASE_URL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            admin.close().await.unwrap();
            let mut url = url::Url::parse(&admin_url).unwrap();
            url.set_path(&format!("/{name}"));
            let guard = DbGuard {
                docs: None,
                sqlite_file: None,
                pg: Some((admin_url, name)),
            };
            (url.to_string(), guard)
        }
        None => {
            let file = std::env::temp_dir().join(format!(
                "partnerhub-test-{}.db",
                uuid::Uuid::new_v4().simple()
            ));
            let url = format!("sqlite://{}?mode=rwc", file.display());
            let guard = DbGuard {
                docs: None,
                sqlite_file: Some(file),
                pg: None,
            };
            (url, guard)
        }
    }
}

/// An empty database, not migrated, for migration tests; dropped with the value.
pub struct EmptyDatabase {
    pub db: DatabaseConnection,
    _guard: DbGuard,
}

impl EmptyDatabase {
    pub async fn new() -> Self {
        let (url, guard) = fresh_database().await;
        let db = Database::connect(url.as_str()).await.unwrap();
        Self { db, _guard: guard }
    }
}

pub struct TestApp {
    pub addr: String,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    _guard: DbGuard,
}

/// Whether the tests run against PostgreSQL.
pub fn postgres_url() -> Option<String> {
    std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|_| {}).await
    }

    pub async fn spawn_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
        let mut settings = Settings::defaults().unwrap();
        settings.server.port = 0;
        settings.server.spa_dir = "/nonexistent".into();
        settings.auth.jwt_secret = SecretString::from(JWT_SECRET);
        settings.auth.cookie_secure = false;
        settings.auth.login_per_ip_per_minute = 1000;
        settings.auth.login_per_account_per_minute = 1000;
        settings.database.max_connections = 5;
        settings.jobs.agreements_interval_secs = 0;
        settings.jobs.hours_interval_secs = 0;
        let docs = std::env::temp_dir().join(format!(
            "partnerhub-test-docs-{}",
            uuid::Uuid::new_v4().simple()
        ));
        settings.storage.documents_dir = docs.display().to_string();
        let (url, mut guard) = fresh_database().await;
        guard.docs = Some(docs);
        settings.database.url = SecretString::from(url);
        configure(&mut settings);
        let app = Application::build(settings)
            .await
            .expect("application builds");
        let addr = format!("http://127.0.0.1:{}", app.port());
        let db = app.db().clone();
        tokio::spawn(app.run_until_stopped());
        TestApp {
            addr,
            client: reqwest::Client::new(),
            db,
            _guard: guard,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.addr, path)
    }

    /// Creates an account directly through the service layer; returns (email, password).
    pub async fn create_user(&self, role: Role, school_ids: Vec<SchoolId>) -> (String, String) {
        let email = format!(
            "{}-{}@example.test",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        let password = "a-long-test-password".to_string();
        services::users::create(
            &self.db,
            &Actor::system(),
            CreateUser {
                email: email.clone(),
                display_name: format!("Test {role}"),
                role,
                school_ids,
                password: password.clone(),
            },
        )
        .await
        .unwrap();
        (email, password)
    }

    pub async fn login(&self, email: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/auth/login"))
            .json(&serde_json::json!({ "email": email, "password": password }))
            .send()
            .await
            .unwrap()
    }

    /// A fresh user of the role, signed in: their access token.
    pub async fn token_for(&self, role: Role) -> String {
        let schools = if role == Role::SchoolCoordinator {
            vec![self.any_school().await]
        } else {
            vec![]
        };
        let (email, password) = self.create_user(role, schools).await;
        let res = self.login(&email, &password).await;
        assert_eq!(res.status(), 200);
        res.json::<serde_json::Value>().await.unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// A fresh coordinator of one school, signed in: their access token.
    pub async fn coordinator_of(&self, school: SchoolId) -> String {
        let (email, password) = self
            .create_user(Role::SchoolCoordinator, vec![school])
            .await;
        let res = self.login(&email, &password).await;
        assert_eq!(res.status(), 200);
        res.json::<serde_json::Value>().await.unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Some school (creates one when there is none).
    pub async fn any_school(&self) -> SchoolId {
        let (page, _) = db::repo::schools::list(&self.db, &Default::default(), 1, None)
            .await
            .unwrap();
        match page.first() {
            Some(s) => s.id,
            None => self.create_school("Z999", "Zebulon Elementary").await,
        }
    }

    pub async fn create_school(&self, code: &str, name: &str) -> SchoolId {
        services::schools::add(&self.db, &Actor::system(), school_input(code, name))
            .await
            .unwrap()
            .id
    }

    /// A partner organization with one contact who has a partner login:
    /// (organization id, contact id, the partner's access token).
    pub async fn partner_org(&self, name: &str) -> (String, String, String) {
        let staff = self.token_for(Role::Staff).await;
        let slug: String = name
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let org: serde_json::Value = self
            .post("/api/v1/organizations", &staff)
            .json(&serde_json::json!({
                "legal_name": name, "org_type": "nonprofit", "tax_status": "nonprofit",
                "website": format!("https://{slug}.example.org"), "city": "Charlotte",
                "description": "Partner for agreement tests", "support_areas": ["academics"],
            }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = org["id"].as_str().unwrap().to_string();
        let email = format!("{slug}-{}@example.org", uuid::Uuid::new_v4().simple());
        let org: serde_json::Value = self
            .post(&format!("/api/v1/organizations/{id}/contacts"), &staff)
            .header("if-match", format!("\"{}\"", org["version"]))
            .json(
                &serde_json::json!({"name": "Rosa Méndez", "title": "Director",
                "email": email, "phone": "704-555-0100", "is_primary": true}),
            )
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let contact = org["contacts"][0]["id"].as_str().unwrap().to_string();
        let res = self
            .post(
                &format!("/api/v1/organizations/{id}/contacts/{contact}/login"),
                &staff,
            )
            .json(&serde_json::json!({"password": "partner-password-1"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        let token = self.sign_in_as_owner(&email, "partner-password-1").await;
        (id, contact, token)
    }

    /// Signs in with a password someone else set, changes it as the owner must (to the same
    /// text with `-own` appended) and answers the new access token.
    pub async fn sign_in_as_owner(&self, email: &str, given: &str) -> String {
        let res = self.login(email, given).await;
        assert_eq!(res.status(), 200);
        let first: serde_json::Value = res.json().await.unwrap();
        assert_eq!(first["user"]["password_change_required"], true);
        let res = self
            .post(
                "/api/v1/auth/password",
                first["access_token"].as_str().unwrap(),
            )
            .json(&serde_json::json!({"current_password": given,
                "new_password": format!("{given}-own")}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
        res.json::<serde_json::Value>().await.unwrap()["access_token"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// `GET path` as the token's user: the JSON body of a 200 (anything else fails the test).
    pub async fn get_json(&self, path: &str, token: &str) -> serde_json::Value {
        let res = self.get(path, token).send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        assert_eq!(status, 200, "GET {path}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    pub fn get(&self, path: &str, token: &str) -> reqwest::RequestBuilder {
        self.client.get(self.url(path)).bearer_auth(token)
    }

    pub fn post(&self, path: &str, token: &str) -> reqwest::RequestBuilder {
        self.client.post(self.url(path)).bearer_auth(token)
    }

    pub fn put(&self, path: &str, token: &str) -> reqwest::RequestBuilder {
        self.client.put(self.url(path)).bearer_auth(token)
    }
}

pub fn school_input(code: &str, name: &str) -> domain::school::SchoolInput {
    domain::school::SchoolInput {
        code: code.into(),
        name: name.into(),
        level: domain::school::SchoolLevel::Elementary,
        region: "West".into(),
        title_i: false,
        designation: domain::school::Designation::None,
        address: "1 Main St".into(),
        city: "Charlotte".into(),
        postal_code: "28202".into(),
    }
}

/// The refresh token from a response's `Set-Cookie`.
pub fn refresh_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            let v = c
                .strip_prefix("ph_refresh=")?
                .split(';')
                .next()?
                .to_string();
            (!v.is_empty()).then_some(v)
        })
}

/// Asserts a problem+json body with the code and returns it.
pub async fn assert_problem(res: reqwest::Response, status: u16, code: &str) -> serde_json::Value {
    assert_eq!(res.status().as_u16(), status, "status");
    let ct = res
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert_eq!(ct, "application/problem+json");
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status);
    assert!(body["type"].as_str().unwrap().ends_with(code));
    assert!(body["title"].is_string() && body["detail"].is_string());
    body
}

/// One row of a per-role authorization table: method, path, body, and the status each of the
/// table's tokens must get (in the tokens' order).
pub type RoleCase<const N: usize> = (&'static str, String, Option<serde_json::Value>, [u16; N]);

/// Runs a per-role authorization table: every case with every token gets the status the row
/// names, and without a token a 401. `if_match` says which requests carry a (stale)
/// `If-Match: "99"`.
pub async fn check_roles<const N: usize>(
    app: &TestApp,
    tokens: &[String; N],
    cases: Vec<RoleCase<N>>,
    if_match: impl Fn(&str, &str) -> bool,
) {
    for (method, path, body, expected) in cases {
        for (token, want) in tokens.iter().zip(expected) {
            let mut req = match method {
                "GET" => app.get(&path, token),
                "POST" => app.post(&path, token),
                _ => app.put(&path, token),
            };
            if if_match(method, &path) {
                req = req.header("if-match", "\"99\"");
            }
            if let Some(b) = &body {
                req = req.json(b);
            }
            let res = req.send().await.unwrap();
            assert_eq!(
                res.status().as_u16(),
                want,
                "{method} {path}: {}",
                res.text().await.unwrap()
            );
        }
        let res = app
            .client
            .request(method.parse().unwrap(), app.url(&path))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 401, "{method} {path} without a token");
    }
}

/// The seven callers of the partnership tables, in their order: admin, staff (`staff`), the
/// coordinator of `school`, the coordinator of `elsewhere`, the record's partner, another
/// partner, a volunteer.
pub async fn partnership_roles(
    app: &TestApp,
    staff: &str,
    school: SchoolId,
    elsewhere: SchoolId,
    partner: String,
    other_partner: String,
) -> [String; 7] {
    [
        app.token_for(Role::Admin).await,
        staff.to_string(),
        app.coordinator_of(school).await,
        app.coordinator_of(elsewhere).await,
        partner,
        other_partner,
        app.token_for(Role::Volunteer).await,
    ]
}
