//! `cap venue FILE`: a campaign taken out of the federation's server, run on a laptop at the
//! venue. The helpers the command needs besides the application layer's `cap_app::venue`.

use std::net::{IpAddr, UdpSocket};
use std::path::PathBuf;

/// Where a venue copy keeps its database unless told otherwise: one file per campaign, beside
/// where the command runs, so that running the same command again after a crash finds it.
pub fn default_database(campaign: i64) -> (PathBuf, String) {
    let path = PathBuf::from("venue").join(format!("cap-lieu-campagne-{campaign}.db"));
    let url = format!("sqlite://{}", path.display());
    (path, url)
}

/// The laptop's address on the venue's network, as phones on the same Wi-Fi reach it. It asks
/// the system which address it would send from (a UDP socket is connected, nothing is sent);
/// none when the laptop has no network at all.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind("0.0.0.0:0").ok()?;
    // 192.0.2.1 is reserved for documentation (TEST-NET-1): never reached, only routed.
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

/// The address phones open: `http://ADDRESS:PORT` of the laptop on its network, or of the host
/// the server listens on when the laptop has none.
pub fn public_url(listen: &str, lan: Option<IpAddr>) -> String {
    let (host, port) = listen.rsplit_once(':').unwrap_or((listen, "8080"));
    let host = match lan {
        Some(ip) if host == "0.0.0.0" || host == "[::]" => ip.to_string(),
        _ if host == "0.0.0.0" || host == "[::]" => "127.0.0.1".to_owned(),
        _ => host.to_owned(),
    };
    format!("http://{host}:{port}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_get_the_laptops_network_address() {
        let lan = "192.168.1.20".parse().ok();
        assert_eq!(public_url("0.0.0.0:8080", lan), "http://192.168.1.20:8080");
        assert_eq!(public_url("0.0.0.0:9000", None), "http://127.0.0.1:9000");
        assert_eq!(public_url("10.0.0.5:8080", lan), "http://10.0.0.5:8080");
    }

    #[test]
    fn each_campaign_has_its_own_database() {
        let (path, url) = default_database(42);
        assert!(path.ends_with("cap-lieu-campagne-42.db"));
        assert_eq!(url, format!("sqlite://{}", path.display()));
    }
}
