import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useApolloClient, useMutation } from '@apollo/client/react';
import {
  Alert,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import {
  PASSWORD_VISIBILITY_TOGGLE_PROPS,
  getFormErrors,
  useDocumentTitle,
} from '@corroborate/web-ui';
import { meQuery, signInMutation } from './auth.graphql';
import { safeReturnPath } from './redirect';
import { sessionExpiry } from './session-expiry';

type SignInField = 'email' | 'password';
const FIELDS: readonly SignInField[] = ['email', 'password'];

export function SignInPage() {
  useDocumentTitle('Sign in');
  const navigate = useNavigate();
  const client = useApolloClient();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('next'));

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SignInField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [signIn, { loading }] = useMutation(signInMutation);

  // Whoever used this browser before must not leave cached data behind, nor a pending
  // "session ended" prompt meant for the page they left.
  useEffect(() => {
    sessionExpiry.clear();
    void client.clearStore();
  }, [client]);

  const focusField = (field: SignInField) => {
    (field === 'email' ? emailRef : passwordRef).current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmedEmail = email.trim();
    const missing: Partial<Record<SignInField, string>> = {};
    if (trimmedEmail === '') missing.email = 'Enter your email address.';
    if (password === '') missing.password = 'Enter your password.';
    setFormError(null);
    setFieldErrors(missing);
    const firstMissing = FIELDS.find((f) => missing[f] !== undefined);
    if (firstMissing !== undefined) {
      focusField(firstMissing);
      return;
    }
    try {
      const result = await signIn({ variables: { input: { email: trimmedEmail, password } } });
      const user = result.data?.signIn.user;
      if (user === undefined) {
        setFormError('Sign-in did not complete. Try again.');
        return;
      }
      client.writeQuery({ query: meQuery, data: { me: user } });
      await navigate(returnTo, { replace: true });
    } catch (error) {
      const errors = getFormErrors(error, FIELDS);
      setFieldErrors(errors.fieldErrors);
      setFormError(errors.formError);
      const firstInvalid = FIELDS.find((f) => errors.fieldErrors[f] !== undefined);
      if (firstInvalid !== undefined) {
        focusField(firstInvalid);
      } else {
        setPassword('');
        passwordRef.current?.focus();
      }
    }
  };

  return (
    <main>
      <Center mih="100vh" p="md" bg="gray.0">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <form
            noValidate
            onSubmit={(event) => void onSubmit(event)}
            aria-labelledby="sign-in-title"
          >
            <Stack gap="md">
              <Stack gap={4}>
                <Text fw={700} c="indigo.9" size="sm" tt="uppercase" lts={1}>
                  Corroborate
                </Text>
                <Title order={1} size="h2" id="sign-in-title">
                  Sign in
                </Title>
                <Text c="dimmed" size="sm">
                  Use the email address and password your administrator gave you.
                </Text>
              </Stack>

              {formError !== null && (
                <Alert
                  role="alert"
                  color="red"
                  variant="light"
                  title="Could not sign in"
                  icon={<IconAlertTriangle aria-hidden="true" />}
                >
                  {formError}
                </Alert>
              )}

              <TextInput
                ref={emailRef}
                label="Email"
                name="email"
                type="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                autoFocus
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrors.email}
              />
              <PasswordInput
                visibilityToggleButtonProps={PASSWORD_VISIBILITY_TOGGLE_PROPS}
                ref={passwordRef}
                label="Password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
              />
              <Button type="submit" loading={loading} fullWidth>
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </main>
  );
}
