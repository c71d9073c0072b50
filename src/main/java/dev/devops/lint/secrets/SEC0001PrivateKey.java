package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.secrets.GenericRule.Examples;

/** SEC0001: a PEM private key (RSA, EC, DSA, PKCS#8, encrypted); the block is read by {@link PemBlocks}. */
final class SEC0001PrivateKey {
    private SEC0001PrivateKey() {
    }

    static final GenericRule RULE = GenericRule.rule("SEC0001", ERROR, "Private key (PEM)",
            "A PEM private key (RSA, EC, DSA, PKCS#8, or encrypted) is committed. Anyone who can read the "
            + "repository can impersonate its owner. Encrypted keys are reported too: their passphrase is "
            + "usually nearby, and offline cracking is cheap.\n" + "Fix: revoke or replace the key, delete it "
            + "from the repository (and from history), and load it from a secret store or a mounted file.")
            .examples(Examples.in("certs/server.key")
                    .match("""
                    -----BEGIN RSA PRIVATE KEY-----
                    UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkpr
                    JIoekk6P0K4uGpSSozBfGIy2EJAPnjR/rohtxlB3lex0XEw/yy6yxz4Uk0yGfuBX
                    unJJm/oSHoNrKsFXJu59awr2qxPDjpLK4NFQV7FZmH+UzHQR1xfxRXmyqhAPu7NP
                    pZP+rtJySLdi46tYBfB2WiucHX4PN8RJIb0/ZWTq338UKnJmjEfiI9Fu3YxHtGr8
                    W67iYfU7JhUtJjuoOwN81JYuQ0gBJWuIXpyQUfMgsNuD856nrb0NdObex/PfrsyP
                    ZGVmZBp7omYPMBH8NXApHFeZDRoAkSaJGfJdnQYS3zWdYCaiQPRYml15Hx3ZfP76
                    j+TxM9dyI2ofZHFQEqs9bRI2q03IH+XG
                    -----END RSA PRIVATE KEY-----
                    """)
                    .match("docs/key.md", """
                    -----BEGIN PRIVATE KEY-----
                    d3p7TxUkGr9XvUN61LEphAU08/OHXCWwi+oGwodM+qTdF7LYQoRd6CpbxTmIiseA
                    VKI5nM/J/MLaMc490Wa9zTozhH5buwf9B8pHeEIxsZr0WHLO77n8WfT5XRQ4Gjp4
                    MlY0e5/85pzXAHrop1jMpBXVqR7oY8i2wDN64y1vyqJVFs3y+Lhldma+8hW5KCv+
                    IAcml+d3zqclnNOY+nmo71knjIwhBQPM+LmmGoa/7yNv/N8x0982B0A2SoA9w5ZT
                    -----END PRIVATE KEY-----
                    """)
                    .ignore("static final String HEADER = \"-----BEGIN RSA PRIVATE KEY-----\";")
                    .ignore("""
                    -----BEGIN PRIVATE KEY-----
                    <your key here>
                    -----END PRIVATE KEY-----
                    """)
                    .ignore("""
                    -----BEGIN RSA PRIVATE KEY-----
                    AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
                    -----END RSA PRIVATE KEY-----
                    """))
            .keyword(rule -> PemBlocks.detector(rule, type -> !type.equals("OPENSSH") && !type.equals("PGP"), "Private key (PEM, "))
            .build();
}
