package dev.devops.detect;

import dev.devops.core.UserError;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;


/** Maven build files: the parts of a pom.xml (and of its profiles) detection reads, parsed with the JDK DOM parser. */
final class MavenBuild {
    private MavenBuild() {
    }

    /** The parts of a pom.xml that detection reads. */
    record Pom(String file, String parent, String parentVersion, Map<String, String> properties,
            List<String> dependencies, Map<String, Element> plugins, List<String> modules) {
        boolean springBoot() {
            return "spring-boot-starter-parent".equals(parent) || plugins.containsKey("spring-boot-maven-plugin")
                    || dependencies.contains("org.springframework.boot:spring-boot-dependencies");
        }
    }

    static Pom readPom(RepoFiles repo, String rel) {
        Element project = project(repo, rel);
        Map<String, String> props = properties(project);
        List<String> deps = new ArrayList<>();
        List<Element> depHolders = new ArrayList<>(List.of(project));
        Element dm = child(project, "dependencyManagement");
        if (dm != null) {
            depHolders.add(dm);
        }
        for (Element holder : depHolders) {
            deps.addAll(dependencies(holder));
        }
        Map<String, Element> plugins = new LinkedHashMap<>();
        Element build = child(project, "build");
        if (build != null) {
            List<Element> holders = new ArrayList<>(List.of(build));
            Element pm = child(build, "pluginManagement");
            if (pm != null) {
                holders.add(pm);
            }
            for (Element holder : holders) {
                Element ps = child(holder, "plugins");
                if (ps != null) {
                    for (Element pl : children(ps)) {
                        plugins.putIfAbsent(text(pl, "artifactId"), pl);
                    }
                }
            }
        }
        List<String> modules = new ArrayList<>();
        Element ms = child(project, "modules");
        if (ms != null) {
            for (Element m : children(ms)) {
                modules.add(m.getTextContent().trim());
            }
        }
        Element parent = child(project, "parent");
        return new Pom(rel, parent == null ? null : text(parent, "artifactId"), parent == null ? null : text(parent, "version"),
                props, deps, plugins, modules);
    }

    /** A Maven profile of a pom: its id, the dependencies it adds and the properties it sets. */
    record MavenProfile(String id, List<String> dependencies, Map<String, String> properties) {
    }

    /** The profile {@code id} of the pom at {@code rel}, or null. */
    static MavenProfile mavenProfile(RepoFiles repo, String rel, String id) {
        Element ps = child(project(repo, rel), "profiles");
        if (ps != null) {
            for (Element p : children(ps)) {
                if (id.equals(text(p, "id"))) {
                    return new MavenProfile(id, dependencies(p), properties(p));
                }
            }
        }
        return null;
    }

    private static Map<String, String> properties(Element holder) {
        Map<String, String> props = new LinkedHashMap<>();
        Element p = child(holder, "properties");
        if (p != null) {
            for (Element e : children(p)) {
                props.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        return props;
    }

    private static List<String> dependencies(Element holder) {
        List<String> deps = new ArrayList<>();
        Element ds = child(holder, "dependencies");
        if (ds != null) {
            for (Element dep : children(ds)) {
                if (!"test".equals(text(dep, "scope"))) {
                    deps.add(text(dep, "groupId") + ":" + text(dep, "artifactId"));
                }
            }
        }
        return deps;
    }

    private static Element project(RepoFiles repo, String rel) {
        String text = repo.text(rel);
        Element project;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            project = b.parse(new InputSource(new StringReader(text))).getDocumentElement();
        } catch (SAXParseException e) {
            String msg = String.valueOf(e.getMessage()).replaceAll("\\.$", "");
            if (msg.contains("disallow-doctype-decl")) {
                msg = "DOCTYPE declarations are not allowed (a pom.xml needs none)";
            }
            throw UserError.at(Path.of(rel), Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()),
                    "invalid XML: " + msg, "fix the XML syntax at this position");
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new UserError(null, rel + ": invalid XML: " + e.getMessage(), "fix the file");
        }
        if (!"project".equals(project.getTagName())) {
            throw UserError.at(Path.of(rel), 1, 1, "the root element is <" + project.getTagName() + ">, not <project>",
                    "a Maven pom.xml starts with <project>");
        }
        return project;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }
}
