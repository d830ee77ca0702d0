// A standard-library-only HTTP server (the lab cannot reach crates.io): GET /health
// answers {"status":"ok"}, anything else a JSON greeting. Listens on 0.0.0.0:$PORT.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;

fn handle(mut stream: TcpStream) {
    let mut line = String::new();
    if BufReader::new(&stream).read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/");
    let body = if path == "/health" {
        "{\"status\":\"ok\"}".to_string()
    } else {
        // An empty GREETING (as env.example leaves it) means the default.
        let greeting = std::env::var("GREETING").ok().filter(|g| !g.is_empty()).unwrap_or_else(|| "hello from rust".to_string());
        format!("{{\"message\":\"{}\"}}", greeting)
    };
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
        body.len(),
        body
    );
}

fn main() {
    let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_string());
    let listener = TcpListener::bind(format!("0.0.0.0:{}", port)).expect("bind");
    println!("listening on 0.0.0.0:{}", port);
    for stream in listener.incoming().flatten() {
        thread::spawn(move || handle(stream));
    }
}
