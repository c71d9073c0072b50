const only = process.env.TEST_ONLY_URL;
