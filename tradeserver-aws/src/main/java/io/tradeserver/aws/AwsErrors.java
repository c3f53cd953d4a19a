package io.tradeserver.aws;

import io.tradeserver.config.SecretException;
import io.tradeserver.config.SecretRef;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Turns AWS errors into configuration errors that name the secret id, never its value. */
final class AwsErrors {
  private AwsErrors() {}

  static SecretException of(SecretRef ref, SecretsManagerException e) {
    String code =
        e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
            ? e.getClass().getSimpleName()
            : e.awsErrorDetails().errorCode();
    String what;
    boolean retryable = false;
    switch (code) {
      case "ResourceNotFoundException":
        what = "not found in AWS Secrets Manager";
        break;
      case "AccessDeniedException":
        what = "access denied (check the IAM policy allows secretsmanager:GetSecretValue on it)";
        break;
      case "ThrottlingException":
        what = "throttled by AWS Secrets Manager, try again later";
        retryable = true;
        break;
      case "DecryptionFailure":
        what = "cannot be decrypted with its KMS key";
        break;
      case "InvalidRequestException":
        what = "cannot be read now (scheduled for deletion or disabled?)";
        break;
      case "UnrecognizedClientException":
      case "InvalidSignatureException":
      case "ExpiredTokenException":
        what = "AWS refused our credentials";
        break;
      default:
        what = "AWS Secrets Manager error";
        retryable = e.isThrottlingException() || e.statusCode() >= 500;
    }
    return new SecretException(
        ref,
        what
            + " ("
            + code
            + ", HTTP "
            + e.statusCode()
            + (e.requestId() == null ? "" : ", request " + e.requestId())
            + ")",
        retryable,
        null);
  }

  /** A client-side failure's kind, without its message (which may carry request details). */
  static String clientReason(SdkClientException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + root.getClass().getSimpleName();
  }
}
