// The Filing module is organised by use case (one folder and namespace each); tests cross them freely.
global using Assessment.Filing.Applications;
global using Assessment.Filing.Granting;
