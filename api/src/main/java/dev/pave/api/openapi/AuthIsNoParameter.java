package dev.pave.api.openapi;

import com.fasterxml.jackson.annotation.JsonView;
import io.dropwizard.auth.Auth;
import io.swagger.v3.jaxrs2.ResolvedParameter;
import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Components;
import jakarta.ws.rs.Consumes;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** The caller ({@code @Auth PavePrincipal}) comes from the bearer token, not from the request: no parameter. */
final class AuthIsNoParameter extends AbstractOpenAPIExtension {

  @Override
  public ResolvedParameter extractParameters(List<Annotation> annotations, Type type, Set<Type> typesToSkip,
      Components components, Consumes classConsumes, Consumes methodConsumes, boolean includeRequestBody,
      JsonView jsonViewAnnotation, Iterator<OpenAPIExtension> chain) {
    if (annotations.stream().anyMatch(Auth.class::isInstance)) {
      return new ResolvedParameter();
    }
    return super.extractParameters(annotations, type, typesToSkip, components, classConsumes, methodConsumes,
        includeRequestBody, jsonViewAnnotation, chain);
  }
}
