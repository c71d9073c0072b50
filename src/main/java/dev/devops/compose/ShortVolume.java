package dev.devops.compose;

/**
 * The short volume syntax {@code [SOURCE:]TARGET[:MODE]}, including Windows drive letters in the
 * source ({@code C:\data:/data}).
 */
record ShortVolume(String source, String target, String mode) {
    /** Parses a short volume entry; null when empty. */
    static ShortVolume parse(String spec) {
        if (spec == null || spec.isEmpty()) {
            return null;
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            if (spec.charAt(i) == ':') {
                boolean drive = i - start == 1 && Character.isLetter(spec.charAt(start)) && parts.isEmpty()
                        && i + 1 < spec.length() && (spec.charAt(i + 1) == '\\' || spec.charAt(i + 1) == '/');
                if (!drive) {
                    parts.add(spec.substring(start, i));
                    start = i + 1;
                }
            }
        }
        parts.add(spec.substring(start));
        return switch (parts.size()) {
            case 1 -> new ShortVolume(null, parts.get(0), null);
            case 2 -> new ShortVolume(parts.get(0), parts.get(1), null);
            default -> new ShortVolume(parts.get(0), parts.get(1), String.join(":", parts.subList(2, parts.size())));
        };
    }

    /** True when the source is a host path rather than a volume name. */
    boolean sourceIsPath() {
        return source != null && (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
                || source.startsWith("\\") || (source.length() > 1 && source.charAt(1) == ':'));
    }
}
