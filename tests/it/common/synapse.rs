//! A real Synapse, installed from PyPI into a venv under `target/` once, started on a free
//! loopback port per test binary, stopped when the test binary exits.

use std::fs;
use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use super::{Account, target_dir, unique};

/// The pinned version: the one MATRIX-SDK-NOTES was checked against.
pub const SYNAPSE_VERSION: &str = "1.163.2";

/// A running homeserver.
pub struct Synapse {
    /// The client-server API base, `http://127.0.0.1:PORT`.
    pub url: String,
    /// The Matrix server name, `localhost:PORT`: its `.well-known` points at `url`.
    pub server_name: String,
    pub dir: PathBuf,
    /// The token of the application service every test server has (its user may set a
    /// message's timestamp with `?ts=`, as bridges do): for events no client would send.
    as_token: String,
    port: u16,
    python: PathBuf,
    guard: Mutex<Option<Child>>,
    _temp: tempfile::TempDir,
}

/// Token lifetimes for a Synapse that tests session expiry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Lifetimes {
    pub access: Option<&'static str>,
    pub refresh: Option<&'static str>,
}

impl Synapse {
    /// The Synapse shared by this test binary, started on first use.
    pub fn shared() -> &'static Synapse {
        static SHARED: OnceLock<Synapse> = OnceLock::new();
        SHARED.get_or_init(|| Synapse::start(Lifetimes::default()))
    }

    /// Starts a Synapse of its own with the given token lifetimes.
    pub fn start(lifetimes: Lifetimes) -> Synapse {
        Synapse::start_with(lifetimes, "")
    }

    /// Starts a Synapse of its own with more `homeserver.yaml` keys (e.g. an SSO provider),
    /// so one test's server setup leaves every other test's alone.
    pub fn start_with(lifetimes: Lifetimes, extra_yaml: &str) -> Synapse {
        let python = venv_python();
        let temp = tempfile::tempdir().expect("synapse temp dir");
        let dir = temp.path().to_owned();
        let port = free_port();
        let server_name = format!("localhost:{port}");
        let url = format!("http://127.0.0.1:{port}");
        let as_token = format!("as-token-{port}");
        let registration = format!(
            "id: estafette-tests\nurl: null\nas_token: \"{as_token}\"\nhs_token: \"hs-token-{port}\"\n\
             sender_localpart: hostile\nnamespaces:\n  users: [{{exclusive: true, regex: \"@hostile_.*\"}}]\n  aliases: []\n  rooms: []\n"
        );
        fs::write(dir.join("appservice.yaml"), registration).expect("write appservice.yaml");
        let yaml = config(&dir, port, &server_name, &url, lifetimes) + extra_yaml;
        fs::write(dir.join("homeserver.yaml"), yaml).expect("write homeserver.yaml");
        let keys = Command::new(&python)
            .args(["-m", "synapse.app.homeserver", "--config-path"])
            .arg(dir.join("homeserver.yaml"))
            .arg("--generate-keys")
            .output()
            .expect("run synapse --generate-keys");
        assert!(
            keys.status.success(),
            "synapse --generate-keys: {}",
            String::from_utf8_lossy(&keys.stderr)
        );
        let child = spawn_guarded(&python, &dir);
        wait_until_ready(port, &dir);
        let guard = Mutex::new(Some(child));
        Synapse { url, server_name, dir, as_token, port, python, guard, _temp: temp }
    }

    /// Stops the server (an outage); its data stays for `resume`.
    pub fn stop(&self) {
        let mut guard = self.guard.lock().expect("synapse guard");
        if let Some(mut child) = guard.take() {
            drop(child.stdin.take());
            let _ = child.wait();
        }
        // The port is free once nothing answers on it.
        while TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Starts the server again on the same port with the same data.
    pub fn resume(&self) {
        let child = spawn_guarded(&self.python, &self.dir);
        wait_until_ready(self.port, &self.dir);
        *self.guard.lock().expect("synapse guard") = Some(child);
    }

    /// Registers a fresh user with a password (the dummy UIA stage, as open registration allows).
    pub fn register(&self, prefix: &str) -> Account {
        let name = unique(prefix);
        let password = format!("pw-{name}-correct horse");
        let body = format!(
            r#"{{"username":"{name}","password":"{password}","auth":{{"type":"m.login.dummy"}},"inhibit_login":true}}"#
        );
        let (status, response) =
            http(&self.url, "POST", "/_matrix/client/v3/register", None, &body);
        assert_eq!(status, 200, "register {name}: {response}");
        Account { user_id: format!("@{name}:{}", self.server_name), password }
    }

    /// Creates a room as the user of `token`, through the raw API (no Estafette): its id.
    pub fn create_room(&self, token: &str, body: &serde_json::Value) -> String {
        let path = "/_matrix/client/v3/createRoom";
        let (status, answer) = self.call("POST", path, Some(token), &body.to_string());
        assert_eq!(status, 200, "{answer}");
        let created: serde_json::Value = serde_json::from_str(&answer).expect("createRoom JSON");
        created["room_id"].as_str().expect("room id").to_owned()
    }

    /// Registers a user and logs it in directly (no Estafette): returns its access token, for
    /// a peer that acts through the raw API.
    pub fn register_with_token(&self, prefix: &str) -> (Account, String) {
        let name = unique(prefix);
        let password = format!("pw-{name}");
        let body = format!(
            r#"{{"username":"{name}","password":"{password}","auth":{{"type":"m.login.dummy"}}}}"#
        );
        let (status, response) =
            http(&self.url, "POST", "/_matrix/client/v3/register", None, &body);
        assert_eq!(status, 200, "register {name}: {response}");
        let value: serde_json::Value = serde_json::from_str(&response).expect("register JSON");
        let token = value["access_token"].as_str().expect("access token").to_owned();
        (Account { user_id: format!("@{name}:{}", self.server_name), password }, token)
    }

    /// The application service's token (see `as_token`).
    pub fn as_token(&self) -> &str {
        &self.as_token
    }

    /// What the server logged so far (its access lines name every request it answered).
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.join("synapse.log")).unwrap_or_default()
    }

    /// Calls the client-server API as a raw HTTP client would; returns (status, body).
    pub fn call(&self, method: &str, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
        http(&self.url, method, path, token, body)
    }
}

/// A minimal HTTP/1.0 client, so the tests judge the server with no Matrix library in between.
fn http(url: &str, method: &str, path: &str, token: Option<&str>, body: &str) -> (u16, String) {
    let address = url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).expect("connect to synapse");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let auth = token.map(|t| format!("Authorization: Bearer {t}\r\n")).unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.0\r\nHost: {address}\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read response");
    let status = response.split_whitespace().nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, b)| b.to_owned()).unwrap_or_default();
    (status, body)
}

fn config(dir: &Path, port: u16, server_name: &str, url: &str, lifetimes: Lifetimes) -> String {
    let d = dir.display();
    let mut yaml = format!(
        r#"server_name: "{server_name}"
public_baseurl: "{url}/"
serve_client_wellknown: true
pid_file: "{d}/homeserver.pid"
listeners:
  - port: {port}
    tls: false
    type: http
    x_forwarded: false
    bind_addresses: ["127.0.0.1"]
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "{d}/homeserver.db"
media_store_path: "{d}/media_store"
app_service_config_files: ["{d}/appservice.yaml"]
signing_key_path: "{d}/signing.key"
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
macaroon_secret_key: "test-macaroon-{port}"
form_secret: "test-form-{port}"
enable_registration: true
enable_registration_without_verification: true
# As an organisation's server would: colleagues find each other by name before sharing a room.
user_directory: {{enabled: true, search_all_users: true}}
# Anyone may list a room in the public directory (Synapse lets only admins by default).
room_list_publication_rules: [{{action: allow}}]
rc_message: {{per_second: 1000, burst_count: 1000}}
rc_registration: {{per_second: 1000, burst_count: 1000}}
rc_login:
  address: {{per_second: 1000, burst_count: 1000}}
  account: {{per_second: 1000, burst_count: 1000}}
  failed_attempts: {{per_second: 1000, burst_count: 1000}}
rc_joins:
  local: {{per_second: 1000, burst_count: 1000}}
  remote: {{per_second: 1000, burst_count: 1000}}
rc_invites:
  per_room: {{per_second: 1000, burst_count: 1000}}
  per_user: {{per_second: 1000, burst_count: 1000}}
  per_issuer: {{per_second: 1000, burst_count: 1000}}
rc_room_creation: {{per_second: 1000, burst_count: 1000}}
rc_key_requests: {{per_second: 1000, burst_count: 1000}}
rc_admin_redaction: {{per_second: 1000, burst_count: 1000}}
"#
    );
    if let Some(access) = lifetimes.access {
        yaml.push_str(&format!("refreshable_access_token_lifetime: {access}\n"));
    }
    if let Some(refresh) = lifetimes.refresh {
        yaml.push_str(&format!("refresh_token_lifetime: {refresh}\n"));
    }
    yaml
}

/// Starts Synapse under a shell that kills it when our end of its stdin closes, which happens
/// however this test process ends: the OS closes the pipe for us.
fn spawn_guarded(python: &Path, dir: &Path) -> Child {
    let log = fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("synapse.log"))
        .expect("synapse log");
    Command::new("sh")
        .arg("-c")
        .arg(r#""$@" </dev/null & child=$!; cat >/dev/null; kill -TERM $child; wait $child"#)
        .arg("synapse-guard")
        .arg(python)
        .args(["-m", "synapse.app.homeserver", "--config-path"])
        .arg(dir.join("homeserver.yaml"))
        .stdin(Stdio::piped())
        .stdout(log.try_clone().expect("log fd"))
        .stderr(log)
        .spawn()
        .expect("start synapse")
}

fn wait_until_ready(port: u16, dir: &Path) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.write_all(b"GET /_matrix/client/versions HTTP/1.0\r\n\r\n");
            let mut response = String::new();
            if stream.read_to_string(&mut response).is_ok() && response.contains(" 200 ") {
                return;
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let log = fs::read_to_string(dir.join("synapse.log")).unwrap_or_default();
    panic!("Synapse did not answer on port {port} within 2 minutes; its log:\n{log}");
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free loopback port")
}

/// The venv's python, creating the venv and installing Synapse on first use. Test binaries run
/// one after another but may be started in parallel by hand, so a file lock guards the install.
fn venv_python() -> PathBuf {
    let venv = target_dir().join("synapse-venv");
    let python = venv.join("bin").join("python");
    let stamp = venv.join(format!("installed-{SYNAPSE_VERSION}"));
    fs::create_dir_all(target_dir()).expect("target dir");
    let lock = fs::File::create(target_dir().join("synapse-venv.lock")).expect("lock file");
    lock.lock().expect("lock the venv");
    if !stamp.exists() {
        install(&venv, &python);
        fs::write(&stamp, SYNAPSE_VERSION).expect("venv stamp");
    }
    python
}

fn install(venv: &Path, python: &Path) {
    let system_python = std::env::var("ESTAFETTE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let made = Command::new(&system_python).args(["-m", "venv"]).arg(venv).status();
    assert!(
        matches!(made, Ok(status) if status.success()),
        "could not create a Python venv with `{system_python} -m venv`: install Python 3 and its \
         venv module (Debian: `apt-get install python3 python3-venv`)"
    );
    let pip = Command::new(python)
        .args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check"])
        .arg(format!("matrix-synapse=={SYNAPSE_VERSION}"))
        .status();
    assert!(
        matches!(pip, Ok(status) if status.success()),
        "could not install matrix-synapse {SYNAPSE_VERSION} from PyPI into {}: check that PyPI \
         is reachable",
        venv.display()
    );
}
