"""Which address phones should use: the laptop's adapters, the one with the default route first.

`ifaddr` lists adapters on Windows, macOS and Linux alike (pure Python over the system's own calls;
the standard library has no portable way). A laptop has Wi-Fi, Ethernet, VPNs and virtual adapters
(WSL, Docker, VirtualBox): the join screen shows the chosen one and lets the trainer switch.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

VIRTUAL_HINTS = ("docker", "veth", "br-", "virbr", "vmnet", "vbox", "virtualbox", "vethernet", "wsl", "hyper-v",
                 "tun", "tap", "utun", "zerotier", "tailscale", "wg", "vpn", "lxc", "lxd", "podman", "cni")
ROUTE_PROBE = "192.0.2.1"  # TEST-NET-1: never on a local network, so it goes by the default route


@dataclass(frozen=True, slots=True)
class Adapter:
    name: str
    address: str
    default_route: bool = False

    @property
    def virtual(self) -> bool:
        lowered = self.name.lower()
        return any(hint in lowered for hint in VIRTUAL_HINTS)


def find_adapters() -> list[Adapter]:
    """IPv4 adapters phones could reach (no loopback, no self-assigned 169.254), best first."""
    default = default_route_address()
    found: dict[str, Adapter] = {}
    try:
        import ifaddr

        for adapter in ifaddr.get_adapters():
            for ip in adapter.ips:
                if isinstance(ip.ip, str) and usable(ip.ip) and ip.ip not in found:
                    name = str(adapter.nice_name or adapter.name)
                    found[ip.ip] = Adapter(name, ip.ip, ip.ip == default)
    except (ImportError, OSError):
        pass
    if default and default not in found:
        found[default] = Adapter("default", default, True)
    return order(list(found.values()))


def order(adapters: list[Adapter]) -> list[Adapter]:
    """The default route first, then real adapters, then virtual ones (names alone tell these apart)."""
    return sorted(adapters, key=lambda a: (not a.default_route, a.virtual, a.name.lower(), a.address))


def default_route_address() -> str | None:
    """The laptop's own address on the default route (a UDP 'connect' sends nothing)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect((ROUTE_PROBE, 9))
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return address if usable(address) else None


def usable(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_unspecified)


def join_url(address: str, port: int, pin: str) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/?pin={pin}"
