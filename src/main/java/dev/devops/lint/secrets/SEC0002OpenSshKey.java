package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.secrets.GenericRule.Examples;

/** SEC0002: an OpenSSH private key; the block is read by {@link PemBlocks}. */
final class SEC0002OpenSshKey {
    private SEC0002OpenSshKey() {
    }

    static final GenericRule RULE = GenericRule.rule("SEC0002", ERROR, "OpenSSH private key",
            "An OpenSSH private key (-----BEGIN OPENSSH PRIVATE KEY-----) is committed.\n"
            + "Fix: remove the public half from every authorized_keys, generate a new key pair, keep the private "
            + "key out of the repository.")
            .examples(Examples.in("deploy/id_ed25519")
                    .match("""
                    -----BEGIN OPENSSH PRIVATE KEY-----
                    J/C3pKldJEDiI/d3OL/zGGXifCn9qtU5KbRu/oNnVmsyW1EXuF0EVo11cLQEYlSE
                    n0uD9RAc/OvJOvjgGhVDRQrnxy5FwSHRbNnprdHyQmcmieuDkn6zUxZHDsywLmzl
                    EkTwBKIWzUIVm9s4EUPcH3QCVv6Nau3qRJ8hC4a1PfAc+ClDDC4z7k+gTofCNEpy
                    gKwtRVjNBP5ACQMEu4GN+jCDeT7vchuo0aZuqH6L1eNk+IFOsDf7Olcy1eG0uqIj
                    Z/1Y+w3WIQMSoL3hQW4pDhWq12Hegav4SJk+sUsLdS8oRHIAQ132VPj8jFI+CPfh
                    eumvScQLnaGkMhOZJVRBpg==
                    -----END OPENSSH PRIVATE KEY-----
                    """)
                    .ignore("""
                    -----BEGIN OPENSSH PRIVATE KEY-----
                    ...
                    -----END OPENSSH PRIVATE KEY-----
                    """)
                    .ignore("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKl3dBuGsPSXPGwpB9j9fPqMx2k7l2vxVvZg8a0b1c2d deploy@ci"))
            .keyword(rule -> PemBlocks.detector(rule, type -> type.equals("OPENSSH"), "OpenSSH private key ("))
            .build();
}
