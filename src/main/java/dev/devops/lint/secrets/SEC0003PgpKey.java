package dev.devops.lint.secrets;

import static dev.devops.lint.Severity.ERROR;

import dev.devops.lint.secrets.GenericRule.Examples;

/** SEC0003: an armoured PGP private key block; the block is read by {@link PemBlocks}. */
final class SEC0003PgpKey {
    private SEC0003PgpKey() {
    }

    static final GenericRule RULE = GenericRule.rule("SEC0003", ERROR, "PGP private key block",
            "An armoured PGP private key block is committed.\nFix: revoke the key (publish the revocation "
            + "certificate), create a new one, keep it out of the repository.")
            .examples(Examples.in("keys/release.asc")
                    .match("""
                    -----BEGIN PGP PRIVATE KEY BLOCK-----
                    Version: GnuPG v2

                    vrFNn5EiA3sPfET4rBmxN6x9SrWESXZ3d8Qe/uSMM0/6Fe95BEp1E9GB9/5z/kRj
                    Nery7jUTlBckv4ZD81whmtGhgkfjHLRdO3/l4HxkBigA832uc2dNuiRqWGBQHtdU
                    AFPAVtZlHvDtMrYD5r1KQF8QZGP/3pYTXOxtwUbaDEcaDdWpSaLvJj/4RG+CUDDF
                    X8j0beIHz8KhZung8I2MNLgUDO67aXOdwCOk3kl8DOntjCAreGpXSExBvb35p0Jn
                    pz1Ne46rZB4qpCkTNYDnz3+MOHPoVf/Cc20jjDE+FyxXjhdRPV5Cz5Ez4wW/3mli
                    =abcd
                    -----END PGP PRIVATE KEY BLOCK-----
                    """)
                    .ignore("""
                    -----BEGIN PGP PUBLIC KEY BLOCK-----

                    ab6GNWBFVsAPf0eT91wgr4CHocrc2TcXReU/Ymalcm70T9nQ3/cFIAhstcPlzXn3
                    ln0AEmTu7e3Th9p3+HI/yBs5JyaF+K4b8dO4s6XYw+V1FY3GCgDIIDuR6wmlt032
                    -----END PGP PUBLIC KEY BLOCK-----
                    """))
            .keyword(rule -> PemBlocks.detector(rule, type -> type.equals("PGP"), "PGP private key block ("))
            .build();
}
