package org.herald.support.net;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AddressGuardTests {

    private static final String KEY = "herald.test.allowed-networks";

    private final AddressGuard guard = AddressGuard.of(List.of(), false, KEY);

    @Test
    void refusesInternalAddressesInEverySpelling() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("http://169.254.169.254/latest/meta-data", "cloud metadata"),
                Map.entry("http://10.0.0.1/", "private"), Map.entry("http://[::ffff:a9fe:a9fe]/", "cloud metadata"),
                Map.entry("http://[::ffff:10.0.0.1]/", "private"),
                Map.entry("http://[64:ff9b::a9fe:a9fe]/", "cloud metadata"),
                Map.entry("http://[2002:7f00:1::]/", "loopback"), Map.entry("http://0x7f.1/", "numeric host"),
                Map.entry("http://2130706433/", "numeric host"), Map.entry("http://0177.0.0.1/", "numeric host"),
                Map.entry("http://127.1/", "numeric host"), Map.entry("http://127.0.0.1:8080/", "loopback"),
                Map.entry("http://[::1]/", "loopback"), Map.entry("http://0.0.0.0/", "unspecified"),
                Map.entry("http://[::]/", "unspecified"), Map.entry("http://172.16.5.4/", "private"),
                Map.entry("http://192.168.1.1/", "private"), Map.entry("http://100.64.0.1/", "carrier-grade NAT"),
                Map.entry("http://[fd00:ec2::254]/", "cloud metadata"), Map.entry("http://[fc00::1]/", "private"),
                Map.entry("http://[fe80::1]/", "link-local"), Map.entry("http://224.0.0.1/", "multicast"),
                Map.entry("http://[ff02::1]/", "multicast"), Map.entry("http://localhost/", "loopback"));
        refused.forEach((url, why) -> assertThat(this.guard.refusal(URI.create(url))).as(url)
            .hasValueSatisfying((message) -> assertThat(message).contains(why)));
    }

    @Test
    void letsPublicAddressesAndUnresolvedNamesThrough() {
        assertThat(this.guard.refusal(URI.create("https://93.184.215.14/hook"))).isEmpty();
        assertThat(this.guard.refusal(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"))).isEmpty();
        assertThat(this.guard.refusal(URI.create("https://partner.invalid/hook"))).isEmpty();
    }

    @Test
    void keepsOnlyTheAdmittedAddressesOfANameAndRefusesANameWithNone() throws UnknownHostException {
        AddressGuard mixed = new AddressGuard(List.of(), false, (host) -> new InetAddress[] {
                InetAddress.getByName("10.0.0.1"), InetAddress.getByName("93.184.215.14") }, KEY);
        assertThat(mixed.resolve("mixed.example")).containsExactly(InetAddress.getByName("93.184.215.14"));
        AddressGuard internal = new AddressGuard(List.of(), false, (host) -> new InetAddress[] {
                InetAddress.getByName("10.0.0.1"), InetAddress.getByName("169.254.169.254") }, KEY);
        assertThatExceptionOfType(RefusedAddressException.class).isThrownBy(() -> internal.resolve("rebinding.example"))
            .withMessageContaining("10.0.0.1 is a private address")
            .withMessageContaining("rebinding.example resolves to 10.0.0.1")
            .withMessageContaining(KEY);
        assertThat(internal.refusal(URI.create("https://rebinding.example/hook"))).isPresent();
    }

    @Test
    void admitsWhatTheAllowedNetworksAdmit() throws UnknownHostException {
        AddressGuard loopback = AddressGuard.of(List.of("127.0.0.0/8"), false, KEY);
        assertThat(loopback.resolve("127.0.0.1")).containsExactly(InetAddress.getByName("127.0.0.1"));
        assertThat(loopback.refusal(URI.create("http://localhost:8080/hooks"))).isEmpty();
        assertThat(loopback.refusal(URI.create("http://[::ffff:127.0.0.1]/hooks"))).isEmpty();
        assertThat(loopback.refusal(URI.create("http://10.0.0.1/"))).isPresent();
        assertThat(loopback.refusal(URI.create("http://2130706433/"))).isPresent();
    }

    @Test
    void refusesPlainHttpWhenHttpsIsRequired() {
        AddressGuard https = AddressGuard.of(List.of(), true, KEY);
        assertThat(https.refusal(URI.create("http://93.184.215.14/")))
            .hasValueSatisfying((message) -> assertThat(message).contains("only https"));
        assertThatNoException().isThrownBy(() -> https.checkUrl(URI.create("https://93.184.215.14/")));
        assertThat(this.guard.refusal(URI.create("ftp://93.184.215.14/"))).isPresent();
    }

}
